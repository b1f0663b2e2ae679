package com.wildrydes.workshop.compare;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void nearestRankOfUnsortedValues() {
        List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0);

        assertThat(Percentiles.median(values)).isEqualTo(3.0);
        assertThat(Percentiles.percentile(values, 20)).isEqualTo(1.0);
        assertThat(Percentiles.percentile(values, 21)).isEqualTo(2.0);
        assertThat(Percentiles.percentile(values, 100)).isEqualTo(5.0);
    }

    @Test
    void medianOfAnEvenCountIsTheLowerMiddleValueNotAnAverage() {
        assertThat(Percentiles.median(List.of(10.0, 20.0, 30.0, 40.0))).isEqualTo(20.0);
    }

    @Test
    void p99OfAHundredValuesIsTheNinetyNinth() {
        List<Double> values = IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();

        assertThat(Percentiles.percentile(values, 99)).isEqualTo(99.0);
        assertThat(Percentiles.percentile(values, 95)).isEqualTo(95.0);
    }

    @Test
    void noValuesHaveNoMedian() {
        assertThat(Percentiles.median(List.of())).isNaN();
    }

    @Test
    void refusesPercentilesOutsideZeroToHundred() {
        assertThatThrownBy(() -> Percentiles.percentile(List.of(1.0), 0)).hasMessageContaining("not 0.0");
        assertThatThrownBy(() -> Percentiles.percentile(List.of(1.0), 101)).hasMessageContaining("not 101.0");
    }
}
