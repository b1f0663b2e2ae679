package com.wildrydes.systemtests.bench;

import java.util.Collection;
import java.util.List;

/** Nearest-rank percentiles: always a value that was measured, never an interpolation. */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p}th percentile (0 &lt; p &le; 100) of the values; NaN when there are none. */
    static double of(Collection<Double> values, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("a percentile is above 0 and at most 100, not " + p);
        }
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1));
    }

    static double median(Collection<Double> values) {
        return of(values, 50);
    }
}
