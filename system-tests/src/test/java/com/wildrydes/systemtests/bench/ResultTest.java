package com.wildrydes.systemtests.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTest {

    private static Result result(double baseline, double measured, Budget budget) {
        return new Result("Cold start", "subject", "hello world", baseline, measured, "ms", budget, null);
    }

    @Test
    void aRatioBudgetPassesUpToItsLimitAndMissesAbove() {
        Budget budget = new Budget.MaxRatio(1.5);

        assertThat(result(400, 600, budget).verdict()).isEqualTo(Verdict.PASS);
        assertThat(result(400, 601, budget).verdict()).isEqualTo(Verdict.MISS);
        assertThat(result(400, 601, budget).ratio()).isEqualTo(601 / 400.0);
        assertThat(result(400, 600, budget).comparison()).isEqualTo("1.50×");
    }

    @Test
    void aDifferenceBudgetComparesMeasuredMinusBaseline() {
        Budget budget = new Budget.MaxDifference(1.0, "ms");

        assertThat(result(0.25, 1.25, budget).verdict()).isEqualTo(Verdict.PASS);
        assertThat(result(0.25, 1.3, budget).verdict()).isEqualTo(Verdict.MISS);
        assertThat(result(0.25, 1.3, budget).comparison()).isEqualTo("+1.05 ms");
    }

    @Test
    void anAbsoluteBudgetIgnoresTheMissingBaseline() {
        Budget budget = new Budget.MaxValue(8, "MB");

        assertThat(result(Double.NaN, 7.99, budget).verdict()).isEqualTo(Verdict.PASS);
        assertThat(result(Double.NaN, 8.01, budget).verdict()).isEqualTo(Verdict.MISS);
        assertThat(new Result("Artifact size", "fleet.jar", "-", Double.NaN, 8.01, "MB", budget, "").comparison()).isEqualTo("8.01 MB");
    }

    @Test
    void withoutABudgetAResultIsInformation() {
        Result result = result(400, 1200, new Budget.None());

        assertThat(result.verdict()).isEqualTo(Verdict.INFO);
        assertThat(result.comparison()).isEqualTo("3.00× (+800.0 ms)");
    }

    @Test
    void aValueOrBaselineThatWasNotMeasuredIsNeitherPassNorMiss() {
        assertThat(result(400, Double.NaN, new Budget.MaxRatio(1.5)).verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(result(Double.NaN, 500, new Budget.MaxRatio(1.5)).verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(result(Double.NaN, 500, new Budget.MaxDifference(1, "ms")).verdict()).isEqualTo(Verdict.NOT_MEASURED);
    }

    @Test
    void budgetsDescribeThemselves() {
        assertThat(new Budget.MaxRatio(1.5).describe()).isEqualTo("≤ 1.50×");
        assertThat(new Budget.MaxDifference(1, "ms").describe()).isEqualTo("≤ +1.00 ms");
        assertThat(new Budget.MaxValue(8, "MB").describe()).isEqualTo("≤ 8.00 MB");
    }

    @Test
    void numbersKeepAboutThreeSignificantDigits() {
        assertThat(Numbers.format(0.00012)).isEqualTo("0.0001");
        assertThat(Numbers.format(0.97)).isEqualTo("0.97");
        assertThat(Numbers.format(12.345)).isEqualTo("12.3");
        assertThat(Numbers.format(1234.5)).isEqualTo("1235");
        assertThat(Numbers.format(Double.NaN)).isEqualTo("n/a");
    }
}
