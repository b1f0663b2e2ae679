package com.wildrydes.localcloud.lambda;

import java.time.Duration;
import java.util.Objects;

/**
 * How local-cloud's Lambda behaves where AWS's behaviour is a quota or a fixed delay.
 *
 * @param maxInstancesPerFunction concurrent instances (JVMs) a function may have; further invokes wait.
 *                                AWS gives each concurrent request its own sandbox on its own hardware; here
 *                                every instance shares this machine's cores, so the default follows them
 * @param instanceWait            how long an invoke waits for a free instance before it is throttled
 * @param initTimeout             how long a new instance may take to ask for its first event (AWS: 10 s)
 * @param asyncRetryBaseDelay     delay before the first retry of a failed asynchronous invoke, doubled
 *                                for the second; AWS waits about 1 and 2 minutes, which would make
 *                                local runs and tests needlessly slow
 * @param logSink                 where every function log line goes, besides the in-memory tail
 */
public record LambdaOptions(
        int maxInstancesPerFunction,
        Duration instanceWait,
        Duration initTimeout,
        Duration asyncRetryBaseDelay,
        FunctionLogSink logSink) {

    public LambdaOptions {
        if (maxInstancesPerFunction < 1) {
            throw new IllegalArgumentException("maxInstancesPerFunction must be at least 1, not " + maxInstancesPerFunction);
        }
        Objects.requireNonNull(instanceWait, "instanceWait");
        Objects.requireNonNull(initTimeout, "initTimeout");
        Objects.requireNonNull(asyncRetryBaseDelay, "asyncRetryBaseDelay");
        Objects.requireNonNull(logSink, "logSink");
    }

    public static LambdaOptions defaults() {
        return new LambdaOptions(defaultMaxInstances(), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1), FunctionLogSink.STDOUT);
    }

    /**
     * One instance per core, between 2 and 10. A burst of rides otherwise starts a cold JVM per request, and on a
     * small machine those cold starts compete for the same cores and make every ride slow: measured on 2 cores at
     * 100 rides/s on stage 01, a cap of 10 gave 10 s timeouts, a cap of 2 none.
     */
    public static int defaultMaxInstances() {
        return Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 10);
    }

    public LambdaOptions withMaxInstancesPerFunction(int max) {
        return new LambdaOptions(max, instanceWait, initTimeout, asyncRetryBaseDelay, logSink);
    }

    public LambdaOptions withInstanceWait(Duration wait) {
        return new LambdaOptions(maxInstancesPerFunction, wait, initTimeout, asyncRetryBaseDelay, logSink);
    }

    public LambdaOptions withInitTimeout(Duration timeout) {
        return new LambdaOptions(maxInstancesPerFunction, instanceWait, timeout, asyncRetryBaseDelay, logSink);
    }

    public LambdaOptions withAsyncRetryBaseDelay(Duration delay) {
        return new LambdaOptions(maxInstancesPerFunction, instanceWait, initTimeout, delay, logSink);
    }

    public LambdaOptions withLogSink(FunctionLogSink sink) {
        return new LambdaOptions(maxInstancesPerFunction, instanceWait, initTimeout, asyncRetryBaseDelay, sink);
    }
}
