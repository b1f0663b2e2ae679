package com.wildrydes.workshop;

import com.wildrydes.workshop.compare.Percentiles;

import java.time.Duration;
import java.util.Arrays;

/** Nearest-rank percentiles of a run's response times: the figure a rider at that rank waited at most. */
public record LatencySummary(Duration p50, Duration p95, Duration p99, Duration max) {

    public static LatencySummary of(long[] nanos) {
        if (nanos.length == 0) {
            return new LatencySummary(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                Duration.ofNanos(sorted[sorted.length - 1]));
    }

    /** The smallest value with at least {@code percent}% of the values at or below it. */
    static Duration percentile(long[] sorted, int percent) {
        return Duration.ofNanos(sorted[Percentiles.nearestRankIndex(sorted.length, percent)]);
    }
}
