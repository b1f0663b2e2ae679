package com.wildrydes.workshop.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetCheckTest {

    @Test
    void exactlyAtTheRatioPasses() {
        assertThat(TargetCheck.of("01", "00", 0.75, 75, 100).verdict()).isEqualTo(TargetCheck.Verdict.PASS);
        assertThat(TargetCheck.of("02", "01", 0.85, 85, 100).verdict()).isEqualTo(TargetCheck.Verdict.PASS);
        assertThat(TargetCheck.of("02", "01", 0.85, 34, 40).verdict()).isEqualTo(TargetCheck.Verdict.PASS);
    }

    @Test
    void justAboveTheRatioMisses() {
        TargetCheck check = TargetCheck.of("01", "00", 0.75, 75.01, 100);

        assertThat(check.verdict()).isEqualTo(TargetCheck.Verdict.MISS);
        assertThat(check.ratio()).isCloseTo(0.7501, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(check.describe()).isEqualTo("01 p50 ≤ 0.75 × 00 p50: MISS (ratio 0.7501)");
    }

    @Test
    void aStageNotMeasuredIsNeitherPassNorMiss() {
        assertThat(TargetCheck.of("01", "00", 0.75, Double.NaN, 100).verdict()).isEqualTo(TargetCheck.Verdict.NOT_MEASURED);
    }
}
