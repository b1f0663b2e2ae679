package com.wildrydes.workshop;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class LatencySummaryTest {

    @Test
    void takesNearestRankPercentilesWhateverTheOrder() {
        // 1..100 ms, shuffled by reversing: the k-th percentile of 100 values is the k-th smallest.
        long[] nanos = LongStream.rangeClosed(1, 100).map(i -> (101 - i) * 1_000_000L).toArray();

        LatencySummary summary = LatencySummary.of(nanos);

        assertThat(summary.p50()).isEqualTo(Duration.ofMillis(50));
        assertThat(summary.p95()).isEqualTo(Duration.ofMillis(95));
        assertThat(summary.p99()).isEqualTo(Duration.ofMillis(99));
        assertThat(summary.max()).isEqualTo(Duration.ofMillis(100));
        assertThat(nanos[0]).as("the input is left as it was").isEqualTo(100_000_000L);
    }

    @Test
    void aFewSlowRidesShowInTheTailOnly() {
        long[] nanos = LongStream.range(0, 1_000).map(i -> i < 985 ? 20_000_000L : 900_000_000L).toArray();

        LatencySummary summary = LatencySummary.of(nanos);

        assertThat(summary.p95()).isEqualTo(Duration.ofMillis(20));
        assertThat(summary.p99()).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void noRidesMeansZeros() {
        assertThat(LatencySummary.of(new long[0]).p99()).isEqualTo(Duration.ZERO);
    }
}
