package com.wildrydes.localcloud.lambda;

import com.wildrydes.localcloud.runtime.RuntimeProtocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One execution environment: a JVM running the runtime client, its own Runtime API, and the
 * invocation it is serving (at most one at a time).
 *
 * <p>Its stdout is the function's log. Lines go to the function's log book as they arrive and
 * are also kept with the current invocation for {@code X-Amz-Log-Result}; the runtime's
 * end-of-output marker tells when the last line of an invocation has been read.
 */
final class FunctionInstance {

    /** Put on the hand-off queue to release a Runtime API thread waiting for work. */
    private static final PendingInvocation STOP = new PendingInvocation("", "", new byte[0], "", null, null);

    /** How long to wait for an invocation's last output lines once its outcome is known. */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);

    private final DeployedFunction function;
    private final String logStreamName;
    private final BlockingQueue<PendingInvocation> handoff = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> outputClosed = new CompletableFuture<>();

    private volatile PendingInvocation current;
    private volatile RuntimeApiServer runtimeApi;
    private volatile Process process;
    private volatile ProcessMemory memory;
    private volatile long startNanos;
    private volatile long initNanos = -1;
    private volatile boolean dead;
    /** Init failed: the runtime is exiting, so this instance must not be handed more work. */
    private volatile boolean retired;

    FunctionInstance(DeployedFunction function) {
        this.function = function;
        this.logStreamName = LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/')
                + "/[$LATEST]" + HexFormat.of().formatHex(randomBytes(16));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    boolean started() {
        return process != null;
    }

    boolean usable() {
        return !dead && !retired;
    }

    boolean initialized() {
        return initNanos >= 0;
    }

    /** From process start to the runtime's first {@code /invocation/next}, in ms. */
    double initDurationMs() {
        long end = initNanos >= 0 ? initNanos : System.nanoTime();
        return (end - startNanos) / 1_000_000.0;
    }

    int peakMemoryMb() {
        ProcessMemory m = memory;
        return m == null ? 0 : m.peakMb();
    }

    /** Starts the JVM; the first invocation then waits for it to ask for work. */
    void start(InstanceLauncher launcher, String region, String edgeUrl) throws IOException {
        RuntimeApiServer api = RuntimeApiServer.start(this);
        runtimeApi = api;
        try {
            startNanos = System.nanoTime();
            Process started = launcher.start(function.config(), launcher.environment(function.config(), region,
                    api.endpoint(), logStreamName, edgeUrl, function.credentials()));
            process = started;
            memory = new ProcessMemory(started.pid());
            Thread.ofPlatform().daemon().name("lambda-log-" + function.config().functionName() + "-" + started.pid())
                    .start(() -> readOutput(started));
            started.onExit().thenRun(this::exited);
        } catch (IOException | RuntimeException e) {
            dead = true;
            stopRuntimeApi();
            throw e;
        }
    }

    /**
     * Runs one invocation to its outcome. A cold instance first has {@code initTimeout} to start;
     * the handler then has {@code timeout} from the moment the runtime receives the event.
     */
    InvocationOutcome run(PendingInvocation invocation, Duration timeout, Duration initTimeout) throws InterruptedException {
        current = invocation;
        handoff.add(invocation);
        if (dead) {
            // it died while idle, after it was picked for this invocation
            invocation.finish(new InvocationOutcome.Crashed(invocation.requestId, exitStatus()));
        }
        try {
            Duration handoffLimit = initialized() ? OUTPUT_GRACE.plus(initTimeout) : initTimeout;
            try {
                CompletableFuture.anyOf(invocation.handedOut, invocation.outcome)
                        .get(handoffLimit.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                invocation.finish(new InvocationOutcome.TimedOut(invocation.requestId, Instant.now(),
                        handoffLimit.toMillis() / 1000.0));
            }
            if (!invocation.outcome.isDone()) {
                long deadline = invocation.handedOut.getNow(System.nanoTime()) + timeout.toNanos();
                try {
                    invocation.outcome.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    invocation.finish(new InvocationOutcome.TimedOut(invocation.requestId, Instant.now(),
                            timeout.toMillis() / 1000.0));
                }
            }
            InvocationOutcome outcome = invocation.outcome.getNow(null);
            ProcessMemory m = memory;
            if (m != null && !dead) {
                m.update();
            }
            awaitOutput(invocation, outcome);
            return outcome;
        } catch (ExecutionException impossible) {
            throw new IllegalStateException("invocation outcomes are never exceptional", impossible);
        } catch (InterruptedException e) {
            kill();
            throw e;
        } finally {
            current = null;
            handoff.remove(invocation);
        }
    }

    /** Lets the invocation's output reach the log before END: the marker when healthy, EOF otherwise. */
    private void awaitOutput(PendingInvocation invocation, InvocationOutcome outcome) throws InterruptedException {
        boolean healthy = !dead && !retired
                && (outcome instanceof InvocationOutcome.Success || outcome instanceof InvocationOutcome.FunctionFailure);
        if (healthy) {
            invocation.outputDrained.await(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        kill();
        try {
            outputClosed.get(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the JVM was killed; whatever it printed before is already in the log
        }
    }

    /**
     * Called by the Runtime API for {@code /invocation/next}: blocks until there is work, or
     * returns null when the instance is being stopped.
     */
    PendingInvocation nextInvocation() throws InterruptedException {
        PendingInvocation invocation = handoff.take();
        if (invocation == STOP) {
            return null;
        }
        if (initNanos < 0) {
            initNanos = System.nanoTime();
        }
        invocation.handOut(function.config().timeoutSeconds() * 1000L);
        function.log(invocation, "START RequestId: " + invocation.requestId + " Version: $LATEST");
        return invocation;
    }

    /** Called by the Runtime API with a result or an error; false for a request id not in flight here. */
    boolean complete(String requestId, InvocationOutcome outcome) {
        PendingInvocation invocation = current;
        if (invocation == null || !invocation.requestId.equals(requestId) || !invocation.handedOut.isDone()) {
            return false;
        }
        invocation.finish(outcome);
        return true;
    }

    /** Called by the Runtime API for {@code /init/error}: the pending invocation fails with the init error. */
    void initFailed(byte[] errorDocument) {
        retired = true;
        PendingInvocation invocation = current;
        if (invocation != null) {
            invocation.finish(new InvocationOutcome.FunctionFailure(errorDocument));
        }
    }

    private void readOutput(Process source) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                PendingInvocation invocation = current;
                if (line.startsWith(RuntimeProtocol.INVOCATION_OUTPUT_END)) {
                    if (invocation != null && line.endsWith(invocation.requestId)) {
                        invocation.outputDrained.countDown();
                    }
                    continue;
                }
                function.log(invocation, line);
            }
        } catch (IOException closed) {
            // the JVM is gone
        } finally {
            outputClosed.complete(null);
        }
    }

    private void exited() {
        dead = true;
        PendingInvocation invocation = current;
        if (invocation != null) {
            invocation.finish(new InvocationOutcome.Crashed(invocation.requestId, exitStatus()));
        }
        stopRuntimeApi();
        function.instanceExited(this);
    }

    /** Stops the JVM and anything it started, at once. */
    void kill() {
        dead = true;
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        stopRuntimeApi();
    }

    private void stopRuntimeApi() {
        handoff.offer(STOP);
        RuntimeApiServer api = runtimeApi;
        if (api != null) {
            api.stop();
        }
    }

    /** Kills and waits (bounded) until the JVM is gone, so none outlives local-cloud. */
    void killAndWait(Duration limit) {
        kill();
        Process p = process;
        if (p != null) {
            try {
                p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The JVM's exit status; a JVM still going down reports what SIGKILL leaves. */
    private int exitStatus() {
        Process p = process;
        return p == null || p.isAlive() ? 128 + 9 : p.exitValue();
    }

    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }
}
