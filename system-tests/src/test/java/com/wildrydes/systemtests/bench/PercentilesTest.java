package com.wildrydes.systemtests.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentilesTest {

    @Test
    void nearestRankOfUnsortedValues() {
        List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0);

        assertThat(Percentiles.median(values)).isEqualTo(3.0);
        assertThat(Percentiles.of(values, 20)).isEqualTo(1.0);
        assertThat(Percentiles.of(values, 21)).isEqualTo(2.0);
        assertThat(Percentiles.of(values, 100)).isEqualTo(5.0);
    }

    @Test
    void medianOfAnEvenCountIsTheLowerMiddleValueNotAnAverage() {
        assertThat(Percentiles.median(List.of(10.0, 20.0, 30.0, 40.0))).isEqualTo(20.0);
    }

    @Test
    void p99OfAHundredValuesIsTheNinetyNinth() {
        List<Double> values = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();

        assertThat(Percentiles.of(values, 99)).isEqualTo(99.0);
        assertThat(Percentiles.of(values, 95)).isEqualTo(95.0);
    }

    @Test
    void noValuesHaveNoPercentile() {
        assertThat(Percentiles.median(List.of())).isNaN();
    }

    @Test
    void refusesPercentilesOutsideZeroToHundred() {
        assertThatThrownBy(() -> Percentiles.of(List.of(1.0), 0)).hasMessageContaining("not 0.0");
        assertThatThrownBy(() -> Percentiles.of(List.of(1.0), 101)).hasMessageContaining("not 101.0");
    }
}
