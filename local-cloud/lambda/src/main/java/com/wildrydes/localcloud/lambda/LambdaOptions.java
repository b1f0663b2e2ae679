package com.wildrydes.localcloud.lambda;

import java.time.Duration;
import java.util.Objects;

/**
 * How local-cloud's Lambda behaves where AWS's behaviour is a quota or a fixed delay.
 *
 * @param maxInstancesPerFunction concurrent instances (JVMs) a function may have; further invokes wait
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
        return new LambdaOptions(10, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1), FunctionLogSink.STDOUT);
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
