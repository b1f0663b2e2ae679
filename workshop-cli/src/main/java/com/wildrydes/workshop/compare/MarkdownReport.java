package com.wildrydes.workshop.compare;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** compare.md: the run's date, machine and parameters, the tables, the bill, the model and the targets. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(CompareResult result) {
        StringBuilder md = new StringBuilder();
        CompareResult.Parameters p = result.parameters();
        md.append("# Wild Rydes: what each refactor buys\n\n");
        md.append("- Date: ").append(result.date().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        md.append(String.format(Locale.ROOT, "- Machine: %d cores, %s, JDK %s%n", result.machine().cores(), result.machine().os(),
                result.machine().jdk()));
        md.append(String.format(Locale.ROOT, "- Parameters: %d measured rides per stage at concurrency %d, after a cold first ride "
                + "and %d warm-up rides; bill projected at %,d rides/month%n", p.rides(), p.concurrency(), p.warmupRides(),
                p.ridesPerMonth()));
        md.append("- Runs on local-cloud: each function in its own JVM on this machine, so latencies include the emulator's ")
                .append("own cost per hop and are comparable between stages, not with AWS.\n\n");

        md.append("## Rider-facing latency\n\n");
        md.append(TextTable.markdown(ComparisonTable.latencyHeader(result), ComparisonTable.latencyRows(result)));
        md.append("\n![p50, p95 and p99 per stage](compare.svg)\n\n");

        md.append("## Critical path\n\nThe hops a rider waits for, derived from the sampled rides' traces ")
                .append("(`→` calls, `;` one call after another):\n\n");
        for (StageMeasurement stage : result.stages()) {
            if (stage.succeeded()) {
                md.append(String.format(Locale.ROOT, "- **%s**: %s (%d of %d sampled rides)%n", stage.stage(), stage.criticalPath(),
                        stage.pathAgreeing(), stage.pathSamples()));
            }
        }

        md.append("\n## Per ride\n\nCounted over the measured run (AWS calls through the endpoint, invocations and API ")
                .append("requests from local-cloud), divided by the rides:\n\n");
        md.append(TextTable.markdown(ComparisonTable.usageHeader(), ComparisonTable.usageRows(result)));

        md.append(String.format(Locale.ROOT, "%n## Projected monthly bill at %,d rides%n%n", p.ridesPerMonth()));
        md.append(TextTable.markdown(ComparisonTable.billHeader(result), ComparisonTable.billRows(result)));
        md.append(String.format(Locale.ROOT, "%nPrices: %s list prices as of %s:%n%n", result.prices().region(), result.prices().asOf()));
        result.prices().prices().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> md.append(
                String.format(Locale.ROOT, "- `%s`: $%s per %s (%s)%s%n", e.getKey(), plain(e.getValue().usd()), e.getValue().unit(),
                        e.getValue().source(), e.getValue().note().isBlank() ? "" : ". " + e.getValue().note())));
        md.append("\nAssumptions:\n\n");
        result.prices().assumptions().forEach(a -> md.append("- ").append(a).append('\n'));

        if (p.awsLatency()) {
            md.append("\n## Modelled AWS-like p50 (modelled, not measured)\n\n")
                    .append("Model: Σ over the critical path's hops of a typical AWS per-hop latency (API Gateway REST ")
                    .append("overhead, Lambda warm-invoke overhead, each AWS call by operation; figures and sources in ")
                    .append("`aws-latency-us-east-1.json`) + each function's own handler work as measured here (REPORT ")
                    .append("Duration less the calls it waited for, median). Cold starts, queueing and the rider's internet ")
                    .append("hop are not modelled.\n\n");
            result.models().forEach((stage, model) -> md.append(String.format(Locale.ROOT, "- **%s**: %.1f ms = %s%n", stage,
                    model.p50Ms(), String.join(" + ", model.terms()))));
        }

        md.append("\n## Targets\n\n");
        result.targets().forEach(t -> md.append("- ").append(t.describe()).append('\n'));
        md.append("\n## Rides recorded\n\n");
        for (StageMeasurement stage : result.stages()) {
            if (stage.succeeded()) {
                md.append(String.format(Locale.ROOT, "- %s: lost: %d (%d accepted, %d recorded, %d refused); %d warm-up rides, "
                        + "%d cold starts in the measured run%n", stage.stage(), stage.lost(), stage.accepted(), stage.recorded(),
                        stage.refused(), stage.warmupRides(), stage.coldStartsInRun()));
                stage.problems().forEach(problem -> md.append("  - refused: `").append(problem).append("`\n"));
            } else {
                md.append("- ").append(stage.stage()).append(": failed: ").append(stage.failure()).append('\n');
            }
        }
        md.append("\n## Where local-cloud's time goes\n\nPer API, local-cloud's own time per request (its total less the ")
                .append("Lambda invoke), p50; per function, the handler's REPORT Duration, p50 (warm):\n\n");
        for (StageMeasurement stage : result.stages()) {
            if (!stage.succeeded()) {
                continue;
            }
            md.append("- **").append(stage.stage()).append("**: ");
            md.append(String.join(", ", stage.apiOverheadP50Ms().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.2f ms", e.getKey(), e.getValue())).toList()));
            md.append("; ");
            md.append(String.join(", ", stage.handlerP50Ms().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.2f ms", CriticalPath.shortName(e.getKey()), e.getValue())).toList()));
            md.append('\n');
        }
        return md.toString();
    }

    private static String plain(double usd) {
        return new java.math.BigDecimal(Double.toString(usd)).stripTrailingZeros().toPlainString();
    }
}
