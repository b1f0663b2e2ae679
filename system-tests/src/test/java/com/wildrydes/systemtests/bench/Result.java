package com.wildrydes.systemtests.bench;

import java.util.Objects;

/**
 * One line of the report: a measured value next to the baseline measured in the same run.
 *
 * @param section   the benchmark it belongs to
 * @param subject   what was measured, e.g. {@code RequestUnicorn cold start (median of 5)}
 * @param baseline  what it is compared with, e.g. {@code hello world}; NaN for absolute budgets without one
 * @param note      how to read it, or what went wrong; may be empty
 */
record Result(String section, String subject, String baselineName, double baseline, double measured, String unit,
              Budget budget, String note) {

    Result {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(baselineName, "baselineName");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(budget, "budget");
        note = note == null ? "" : note;
    }

    /** measured ÷ baseline; NaN without a baseline. */
    double ratio() {
        return hasBaseline() ? measured / baseline : Double.NaN;
    }

    /** measured − baseline; NaN without a baseline. */
    double difference() {
        return hasBaseline() ? measured - baseline : Double.NaN;
    }

    boolean hasBaseline() {
        return !Double.isNaN(baseline);
    }

    Verdict verdict() {
        if (Double.isNaN(measured) || (budget instanceof Budget.MaxRatio || budget instanceof Budget.MaxDifference) && !hasBaseline()) {
            return Verdict.NOT_MEASURED;
        }
        if (budget instanceof Budget.None) {
            return Verdict.INFO;
        }
        return budget.allows(baseline, measured) ? Verdict.PASS : Verdict.MISS;
    }

    /** The comparison in the form its budget speaks: a ratio, a difference, or the value itself. */
    String comparison() {
        return switch (budget) {
            case Budget.MaxRatio r -> Numbers.format(ratio()) + "×";
            case Budget.MaxDifference d -> signed(difference()) + " " + unit;
            case Budget.MaxValue v -> Numbers.format(measured) + " " + unit;
            case Budget.None n -> hasBaseline() ? Numbers.format(ratio()) + "× (" + signed(difference()) + " " + unit + ")" : "-";
        };
    }

    private static String signed(double value) {
        return (value >= 0 ? "+" : "") + Numbers.format(value);
    }
}
