package com.wildrydes.localcloud.trace;

import java.time.Instant;

/**
 * Turns {@link System#nanoTime()} readings into instants. Every span is timed on the monotonic clock
 * and placed on one wall-clock origin, so the hops of a trace line up even if the system clock is
 * adjusted while a request is in flight.
 */
public final class SpanClock {

    private static final long ORIGIN_NANOS = System.nanoTime();
    private static final Instant ORIGIN = Instant.now();

    private SpanClock() {
    }

    public static Instant instantAt(long nanoTime) {
        return ORIGIN.plusNanos(nanoTime - ORIGIN_NANOS);
    }

    public static double millisBetween(long startNanos, long endNanos) {
        return Math.max(0, endNanos - startNanos) / 1_000_000.0;
    }
}
