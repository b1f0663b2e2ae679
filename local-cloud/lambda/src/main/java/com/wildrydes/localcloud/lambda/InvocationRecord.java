package com.wildrydes.localcloud.lambda;

import java.time.Instant;

/**
 * One invocation as the REPORT line describes it, kept for the console and benchmarks.
 *
 * @param startTime         when the invoke arrived
 * @param initDurationMs    0 unless {@code coldStart}
 * @param billedDurationMs  the duration rounded up to the millisecond, plus init on a cold start
 * @param maxMemoryUsedMb   the instance's peak resident memory so far; 0 when unknown
 * @param status            {@code success}, {@code error} (the handler failed), {@code timeout} or {@code crash}
 */
public record InvocationRecord(
        String requestId,
        String functionName,
        Instant startTime,
        boolean coldStart,
        double initDurationMs,
        double durationMs,
        long billedDurationMs,
        int maxMemoryUsedMb,
        String status) {
}
