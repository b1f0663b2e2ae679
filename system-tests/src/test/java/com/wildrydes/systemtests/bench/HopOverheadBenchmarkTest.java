package com.wildrydes.systemtests.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HopOverheadBenchmarkTest {

    @Test
    void theMeasuredCallsAreTheLatestOfABoundedHistory() {
        assertThat(HopOverheadBenchmark.latest(List.of(1, 2, 3, 4, 5), 2)).containsExactly(4, 5);
        assertThat(HopOverheadBenchmark.latest(List.of(1, 2), 5)).containsExactly(1, 2);
        assertThat(HopOverheadBenchmark.latest(List.<Integer>of(), 5)).isEmpty();
    }

    @Test
    void theBudgetIsOneMillisecondPerHop() {
        Result justWithin = new Result(HopOverheadBenchmark.SECTION, "hop", "in-process", 0.01, 1.01, "ms", HopOverheadBenchmark.BUDGET, "");
        Result over = new Result(HopOverheadBenchmark.SECTION, "hop", "in-process", 0.01, 1.02, "ms", HopOverheadBenchmark.BUDGET, "");

        assertThat(justWithin.verdict()).isEqualTo(Verdict.PASS);
        assertThat(over.verdict()).isEqualTo(Verdict.MISS);
    }
}
