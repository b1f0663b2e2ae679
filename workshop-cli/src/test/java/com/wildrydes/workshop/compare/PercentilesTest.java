package com.wildrydes.workshop.compare;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PercentilesTest {

    @Test
    void nearestRankOfOneToOneHundred() {
        List<Double> values = new ArrayList<>(IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList());
        java.util.Collections.shuffle(values, new java.util.Random(7));

        Percentiles p = Percentiles.of(values);

        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isEqualTo(50.0);
        assertThat(p.p95()).isEqualTo(95.0);
        assertThat(p.p99()).isEqualTo(99.0);
        assertThat(p.max()).isEqualTo(100.0);
    }

    @Test
    void aSmallRunReportsValuesItReallySaw() {
        Percentiles p = Percentiles.of(List.of(30.0, 10.0, 20.0));

        assertThat(p.p50()).isEqualTo(20.0);
        assertThat(p.p95()).isEqualTo(30.0);
        assertThat(p.p99()).isEqualTo(30.0);
        assertThat(Percentiles.of(List.of()).p50()).isNaN();
    }
}
