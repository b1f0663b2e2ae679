package com.wildrydes.workshop.compare;

import java.util.Locale;

/** The comparison as the terminal shows it at the end of a run. */
final class TerminalReport {

    private TerminalReport() {
    }

    static String render(CompareResult result) {
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        CompareResult.Parameters p = result.parameters();
        out.append(String.format(Locale.ROOT, "%nRider-facing latency (%d measured rides per stage at concurrency %d, after %d warm-up rides):%n",
                p.rides(), p.concurrency(), p.warmupRides()));
        out.append(TextTable.plain(ComparisonTable.latencyHeader(result), ComparisonTable.latencyRows(result)));
        out.append(nl).append("Critical path (what the rider waits for, from the rides' traces):").append(nl);
        for (StageMeasurement stage : result.stages()) {
            if (stage.succeeded()) {
                out.append(String.format(Locale.ROOT, "  %s: %s  [%d of %d sampled rides]%n", stage.number(), stage.criticalPath(),
                        stage.pathAgreeing(), stage.pathSamples()));
            }
        }
        out.append(nl).append("Per ride (measured run):").append(nl);
        out.append(TextTable.plain(ComparisonTable.usageHeader(), ComparisonTable.usageRows(result)));
        out.append(nl).append(String.format(Locale.ROOT, "Projected AWS bill at %,d rides/month (us-east-1 list prices as of %s, free tiers ignored):%n",
                p.ridesPerMonth(), result.prices().asOf()));
        out.append(TextTable.plain(ComparisonTable.billHeader(result), ComparisonTable.billRows(result)));
        if (p.awsLatency()) {
            out.append(nl).append("Modelled AWS-like p50 (modelled, not measured): Σ modelled per-hop latency + measured handler work").append(nl);
            result.models().forEach((stage, model) -> out.append(String.format(Locale.ROOT, "  %s: %.1f ms = %s%n",
                    stage.substring(0, 2), model.p50Ms(), String.join(" + ", model.terms()))));
        }
        out.append(nl).append("Targets:").append(nl);
        result.targets().forEach(t -> out.append("  ").append(t.describe()).append(nl));
        for (StageMeasurement stage : result.stages()) {
            if (stage.succeeded()) {
                out.append(String.format(Locale.ROOT, "%s: lost: %d (%d accepted, %d recorded, %d refused); %d warm-up rides, "
                        + "%d cold starts in the measured run%n", stage.number(), stage.lost(), stage.accepted(), stage.recorded(),
                        stage.refused(), stage.warmupRides(), stage.coldStartsInRun()));
                stage.problems().forEach(problem -> out.append("    refused: ").append(problem).append(nl));
            } else {
                out.append(stage.stage()).append(": FAILED: ").append(stage.failure()).append(nl);
            }
        }
        return out.toString();
    }
}
