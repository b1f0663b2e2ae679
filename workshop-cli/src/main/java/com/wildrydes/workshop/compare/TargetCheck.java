package com.wildrydes.workshop.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each refactor is expected to buy, checked on the warm p50: a stage passes when its p50 is at
 * most {@code limit} × the p50 of the stage before it. A MISS is reported, never hidden, and never
 * fails the run by itself: timings on a shared machine are evidence, not a gate.
 *
 * @param ratio the stage's p50 divided by the baseline's; NaN when either was not measured
 */
public record TargetCheck(String stage, String baseline, double limit, double ratio, Verdict verdict) {

    public enum Verdict { PASS, MISS, NOT_MEASURED }

    /** 01 must be at most 0.75 × 00, and 02 at most 0.85 × 01. */
    static final List<Target> TARGETS = List.of(new Target("01", "00", 0.75), new Target("02", "01", 0.85));

    record Target(String stage, String baseline, double limit) {
    }

    public static TargetCheck of(String stage, String baseline, double limit, double stageP50, double baselineP50) {
        if (!(stageP50 > 0) || !(baselineP50 > 0)) {
            return new TargetCheck(stage, baseline, limit, Double.NaN, Verdict.NOT_MEASURED);
        }
        double ratio = stageP50 / baselineP50;
        // Compared to nine decimals, so a ratio exactly at the limit (75/100 against 0.75) passes despite binary rounding.
        boolean pass = Math.round(ratio * 1e9) <= Math.round(limit * 1e9);
        return new TargetCheck(stage, baseline, limit, ratio, pass ? Verdict.PASS : Verdict.MISS);
    }

    /** Every target whose two stages were part of the run. */
    public static List<TargetCheck> check(Map<String, StageMeasurement> byNumber) {
        List<TargetCheck> checks = new ArrayList<>();
        for (Target target : TARGETS) {
            Optional<StageMeasurement> stage = Optional.ofNullable(byNumber.get(target.stage()));
            Optional<StageMeasurement> baseline = Optional.ofNullable(byNumber.get(target.baseline()));
            if (stage.isPresent() && baseline.isPresent()) {
                checks.add(of(target.stage(), target.baseline(), target.limit(),
                        stage.get().succeeded() ? stage.get().warm().p50() : Double.NaN,
                        baseline.get().succeeded() ? baseline.get().warm().p50() : Double.NaN));
            }
        }
        return checks;
    }

    public String describe() {
        return switch (verdict) {
            case NOT_MEASURED -> String.format(java.util.Locale.ROOT, "%s p50 ≤ %.2f × %s p50: not measured", stage, limit, baseline);
            default -> String.format(java.util.Locale.ROOT, "%s p50 ≤ %.2f × %s p50: %s (ratio %.4f)", stage, limit, baseline,
                    verdict, ratio);
        };
    }
}
