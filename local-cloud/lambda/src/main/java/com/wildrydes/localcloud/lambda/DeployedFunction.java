package com.wildrydes.localcloud.lambda;

import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.runtime.InjectedFault;
import com.wildrydes.localcloud.trace.Span;
import com.wildrydes.localcloud.trace.TraceHeaders;
import com.wildrydes.localcloud.trace.TraceRecorder;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A function and its pool of instances. An invoke takes the most recently used idle instance
 * (warm), else starts a new one (cold) while the function is under its instance cap, else waits
 * for one to come free. Instances that failed are dropped, so the next invoke starts afresh.
 */
final class DeployedFunction {

    private static final int KEPT_RECORDS = 500;

    /** What an invoke produced, with the log tail the Invoke API may return. */
    record Completed(String requestId, InvocationOutcome outcome, String logTail) {
    }

    private final FunctionConfig config;
    private final String arn;
    private final FunctionCredentials credentials;
    private final Instant lastModified = Instant.now();
    private final Shared shared;
    private final FunctionLogBook log;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition instanceFreed = lock.newCondition();
    private final Deque<FunctionInstance> idle = new ArrayDeque<>();
    private final Set<FunctionInstance> all = new LinkedHashSet<>();
    private boolean deleted;

    private final AtomicLong coldStarts = new AtomicLong();
    private final AtomicLong warmStarts = new AtomicLong();
    private final Deque<InvocationRecord> records = new ArrayDeque<>();
    private FaultPlan faultPlan;

    /** What every function shares from the service. */
    record Shared(InstanceLauncher launcher, LambdaOptions options, String region,
                   Supplier<String> edgeUrl, TraceRecorder traces) {
    }

    /** An injected fault and how many more invokes it applies to; negative means every invoke. */
    private record FaultPlan(InjectedFault fault, int remaining) {
    }

    DeployedFunction(FunctionConfig config, String arn, FunctionCredentials credentials, Shared shared) {
        this.config = config;
        this.arn = arn;
        this.credentials = credentials;
        this.shared = shared;
        this.log = new FunctionLogBook(config.functionName(), shared.options().logSink());
    }

    FunctionConfig config() {
        return config;
    }

    String arn() {
        return arn;
    }

    FunctionCredentials credentials() {
        return credentials;
    }

    Instant lastModified() {
        return lastModified;
    }

    /**
     * Runs one invocation on an instance and logs END and REPORT for it.
     *
     * @param requestId null for a new one; an asynchronous retry reuses its event's id, as AWS does
     */
    Completed invoke(String requestId, String invokedArn, byte[] payload, String traceHeader, String clientContext)
            throws InterruptedException {
        long startNanos = System.nanoTime();
        PendingInvocation invocation = new PendingInvocation(
                requestId == null ? UUID.randomUUID().toString() : requestId,
                invokedArn, payload, traceHeader == null ? TraceHeader.newRoot() : traceHeader,
                clientContext, takeFault());
        FunctionInstance instance = acquire();
        try {
            boolean cold = !instance.started();
            if (cold) {
                try {
                    instance.start(shared.launcher(), shared.region(), shared.edgeUrl().get());
                } catch (IOException e) {
                    throw new AwsServiceException(500, "ServiceException", "local-cloud could not start a JVM for function "
                            + config.functionName() + ": " + e.getMessage());
                }
            }
            (cold ? coldStarts : warmStarts).incrementAndGet();
            InvocationOutcome outcome = instance.run(invocation, Duration.ofSeconds(config.timeoutSeconds()),
                    shared.options().initTimeout());
            report(instance, invocation, outcome, cold);
            trace(invocation, outcome, cold, cold ? instance.initDurationMs() : 0, startNanos);
            return new Completed(invocation.requestId, outcome, invocation.logTail());
        } finally {
            release(instance);
        }
    }

    private void report(FunctionInstance instance, PendingInvocation invocation, InvocationOutcome outcome, boolean cold) {
        if (!invocation.handedOut.isDone()) {
            log(invocation, "START RequestId: " + invocation.requestId + " Version: $LATEST");
        }
        switch (outcome) {
            case InvocationOutcome.TimedOut t -> log(invocation, t.message());
            case InvocationOutcome.Crashed c -> {
                log(invocation, c.message());
                log(invocation, "Runtime.ExitError");
            }
            default -> {
            }
        }
        double durationMs = invocation.durationMs();
        double initMs = cold ? instance.initDurationMs() : 0;
        // Since August 2025 AWS bills the init phase of managed runtimes too.
        long billedMs = (long) Math.ceil(durationMs + initMs);
        int memoryMb = instance.peakMemoryMb();
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(invocation.requestId)
                .append("\tDuration: ").append(format(durationMs)).append(" ms")
                .append("\tBilled Duration: ").append(billedMs).append(" ms")
                .append("\tMemory Size: ").append(config.memorySizeMb()).append(" MB")
                .append("\tMax Memory Used: ").append(memoryMb).append(" MB");
        if (cold) {
            line.append("\tInit Duration: ").append(format(initMs)).append(" ms");
        }
        switch (outcome) {
            case InvocationOutcome.TimedOut t -> line.append("\tStatus: timeout");
            case InvocationOutcome.Crashed c -> line.append("\tStatus: error\tError Type: Runtime.ExitError");
            default -> {
            }
        }
        log(invocation, "END RequestId: " + invocation.requestId);
        log(invocation, line.toString());
        InvocationRecord record = new InvocationRecord(invocation.requestId, config.functionName(), invocation.receivedAt,
                cold, initMs, durationMs, billedMs, memoryMb, outcome.status());
        synchronized (records) {
            if (records.size() == KEPT_RECORDS) {
                records.removeFirst();
            }
            records.addLast(record);
        }
    }

    /** One span per invocation, from the invoke's arrival (waiting for an instance and init included) to its end. */
    private void trace(PendingInvocation invocation, InvocationOutcome outcome, boolean cold, double initMs, long startNanos) {
        TraceHeaders.root(invocation.traceHeader).ifPresent(root -> shared.traces().record(
                Span.timed(root, "Lambda", config.functionName(), startNanos, System.nanoTime())
                        .withCold(cold, initMs)
                        .withStatus(outcome.status(), outcome.failed())
                        .withDetail("RequestId " + invocation.requestId)));
    }

    private static String format(double ms) {
        return String.format(Locale.ROOT, "%.2f", ms);
    }

    /** A line of this function's log, attributed to an invocation when one is in flight. */
    void log(PendingInvocation invocation, String line) {
        log.append(line);
        if (invocation != null) {
            invocation.log(line);
        }
    }

    private FunctionInstance acquire() throws InterruptedException {
        long deadline = System.nanoTime() + shared.options().instanceWait().toNanos();
        lock.lock();
        try {
            while (true) {
                if (deleted) {
                    throw LambdaErrors.functionNotFound(arn);
                }
                FunctionInstance instance;
                while ((instance = idle.pollFirst()) != null) {
                    if (instance.usable()) {
                        return instance;
                    }
                    all.remove(instance);
                }
                if (all.size() < shared.options().maxInstancesPerFunction()) {
                    instance = new FunctionInstance(this);
                    all.add(instance);
                    return instance;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw LambdaErrors.throttled();
                }
                instanceFreed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    private void release(FunctionInstance instance) {
        boolean discard;
        lock.lock();
        try {
            discard = deleted || !instance.usable();
            if (discard) {
                all.remove(instance);
            } else {
                idle.addFirst(instance);
            }
            instanceFreed.signal();
        } finally {
            lock.unlock();
        }
        if (discard) {
            instance.kill();
        }
    }

    /** An instance's JVM exited on its own; an idle one leaves the pool at once. */
    void instanceExited(FunctionInstance instance) {
        lock.lock();
        try {
            if (idle.remove(instance)) {
                all.remove(instance);
                instanceFreed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops every instance and waits (bounded) for their JVMs to be gone; later invokes fail. */
    void shutdown() {
        List<FunctionInstance> instances;
        lock.lock();
        try {
            deleted = true;
            instances = new ArrayList<>(all);
            all.clear();
            idle.clear();
            instanceFreed.signalAll();
        } finally {
            lock.unlock();
        }
        instances.forEach(FunctionInstance::kill);
        instances.forEach(i -> i.killAndWait(Duration.ofSeconds(5)));
    }

    synchronized void injectFault(InjectedFault fault, int times) {
        faultPlan = new FaultPlan(fault, times <= 0 ? -1 : times);
    }

    synchronized void clearFault() {
        faultPlan = null;
    }

    private synchronized InjectedFault takeFault() {
        FaultPlan plan = faultPlan;
        if (plan == null) {
            return null;
        }
        if (plan.remaining() > 0) {
            faultPlan = plan.remaining() == 1 ? null : new FaultPlan(plan.fault(), plan.remaining() - 1);
        }
        return plan.fault();
    }

    FunctionStats stats() {
        int busy;
        int idleCount;
        lock.lock();
        try {
            idleCount = idle.size();
            busy = all.size() - idleCount;
        } finally {
            lock.unlock();
        }
        List<InvocationRecord> recent;
        synchronized (records) {
            recent = List.copyOf(records);
        }
        return new FunctionStats(config.functionName(), busy, idleCount, coldStarts.get(), warmStarts.get(), recent);
    }

    List<String> recentLogs() {
        return log.recent();
    }

    /** Process ids of the running instances, for checks that none is left behind. */
    List<Long> instancePids() {
        lock.lock();
        try {
            return all.stream().map(FunctionInstance::pid).filter(pid -> pid > 0).toList();
        } finally {
            lock.unlock();
        }
    }
}
