package com.wildrydes.workshop.compare;

import java.util.Collection;

/**
 * Nearest-rank percentiles of latencies in milliseconds: p50 is the smallest value with at least half
 * of the values at or below it, so every figure reported is one a rider really waited. The one
 * percentile rule of the workshop's commands and benchmarks.
 */
public record Percentiles(int count, double p50, double p95, double p99, double max) {

    public static Percentiles of(Collection<Double> millis) {
        double[] sorted = sorted(millis);
        if (sorted.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.length, at(sorted, 50), at(sorted, 95), at(sorted, 99), sorted[sorted.length - 1]);
    }

    /** The {@code percent}th percentile (above 0, at most 100) of any values; NaN when there are none. */
    public static double percentile(Collection<Double> values, double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile is above 0 and at most 100, not " + percent);
        }
        return at(sorted(values), percent);
    }

    /** The median of any values: the lower middle one of an even count, never an average. */
    public static double median(Collection<Double> values) {
        return percentile(values, 50);
    }

    /** Where the {@code percent}th percentile sits among {@code size} values sorted ascending (size above 0). */
    public static int nearestRankIndex(int size, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return Math.clamp(rank, 1, size) - 1;
    }

    private static double at(double[] sorted, double percent) {
        return sorted.length == 0 ? Double.NaN : sorted[nearestRankIndex(sorted.length, percent)];
    }

    private static double[] sorted(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
