package com.wildrydes.workshop.compare;

import java.util.Arrays;
import java.util.Collection;

/**
 * Nearest-rank percentiles of latencies in milliseconds: p50 is the smallest value with at least half
 * of the values at or below it, so every figure reported is one a rider really waited.
 */
public record Percentiles(int count, double p50, double p95, double p99, double max) {

    public static Percentiles of(Collection<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.length, at(sorted, 50), at(sorted, 95), at(sorted, 99), sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile of values already sorted ascending. */
    static double at(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
    }

    /** The median of any values, for the per-hop figures. */
    static double median(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return at(sorted, 50);
    }
}
