package com.wildrydes.localcloud.lambda;

import com.wildrydes.localcloud.runtime.InjectedFault;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** One invocation on its way through an instance: what the runtime is handed and how it ended. */
final class PendingInvocation {

    private static final int TAIL_BYTES = 4096;

    final String requestId;
    final String invokedFunctionArn;
    final byte[] payload;
    final String traceHeader;
    final String clientContext;
    final InjectedFault fault;
    final Instant receivedAt = Instant.now();

    /** Completes with System.nanoTime() when the runtime receives the event from /invocation/next. */
    final CompletableFuture<Long> handedOut = new CompletableFuture<>();
    final CompletableFuture<InvocationOutcome> outcome = new CompletableFuture<>();
    /** Counted down when the runtime's end-of-output marker has been read from its stdout. */
    final CountDownLatch outputDrained = new CountDownLatch(1);

    private final List<String> logLines = new ArrayList<>();
    private volatile long deadlineEpochMs;
    private volatile long finishedNanos;

    PendingInvocation(String requestId, String invokedFunctionArn, byte[] payload, String traceHeader,
                      String clientContext, InjectedFault fault) {
        this.requestId = requestId;
        this.invokedFunctionArn = invokedFunctionArn;
        this.payload = payload;
        this.traceHeader = traceHeader;
        this.clientContext = clientContext;
        this.fault = fault;
    }

    void handOut(long timeoutMillis) {
        deadlineEpochMs = System.currentTimeMillis() + timeoutMillis;
        handedOut.complete(System.nanoTime());
    }

    long deadlineEpochMs() {
        return deadlineEpochMs;
    }

    /** Ends the invocation unless something ended it first; true when this call decided the outcome. */
    synchronized boolean finish(InvocationOutcome result) {
        if (outcome.isDone()) {
            return false;
        }
        finishedNanos = System.nanoTime();
        return outcome.complete(result);
    }

    /** From hand-out to outcome, in milliseconds; 0 when the event was never handed out. */
    double durationMs() {
        Long start = handedOut.getNow(null);
        if (start == null || finishedNanos == 0) {
            return 0;
        }
        return (finishedNanos - start) / 1_000_000.0;
    }

    synchronized void log(String line) {
        logLines.add(line);
    }

    /** The last 4 KB of the invocation's log, base64-encoded, as {@code X-Amz-Log-Result} carries it. */
    synchronized String logTail() {
        byte[] all = (String.join("\n", logLines) + "\n").getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, all.length - TAIL_BYTES);
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(all, from, all.length));
    }
}
