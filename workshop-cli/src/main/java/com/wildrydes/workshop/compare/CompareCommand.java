package com.wildrydes.workshop.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./workshop compare}: runs every stage on local-cloud, one after the other in this JVM, with
 * the same workload, and reports what each refactor bought in latency, calls per ride and cost.
 * Exits 0 when every stage ran and every accepted ride was recorded (a missed latency target is
 * reported, not failed), 1 when a stage failed or rides were refused or lost, 2 on bad usage.
 */
public final class CompareCommand {

    static final int OK = 0;
    static final int UNHEALTHY = 1;
    static final int USAGE = 2;

    /** local-cloud narrates every deploy and delete; compare prints its own progress instead. Held so the level sticks. */
    private static final java.util.logging.Logger LOCAL_CLOUD_LOG = java.util.logging.Logger.getLogger("com.wildrydes.localcloud");

    private final Path root;
    private final PrintStream out;

    CompareCommand(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    public static void main(String[] args) {
        LOCAL_CLOUD_LOG.setLevel(java.util.logging.Level.WARNING);
        Path root = Path.of("").toAbsolutePath();
        int code = new CompareCommand(root, System.out).run(Arrays.asList(args));
        System.out.flush();
        System.exit(code);
    }

    int run(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(CompareSettings.USAGE);
            return OK;
        }
        CompareSettings settings;
        List<Path> stages;
        try {
            settings = CompareSettings.parse(args, root);
            stages = stages(root, settings.stages());
        } catch (IllegalArgumentException e) {
            System.err.println("compare: " + e.getMessage());
            System.err.println(CompareSettings.USAGE);
            return USAGE;
        }
        CompareResult result = compare(settings, stages, new ConsoleProgress(out));
        out.print(TerminalReport.render(result));
        try {
            write(result, settings.outDir());
            out.println();
            out.println("Wrote " + root.relativize(settings.outDir().toAbsolutePath()) + "/compare.md, compare.svg and compare.json "
                    + String.format(Locale.ROOT, "(%.0f s in all).", result.seconds()));
        } catch (IOException e) {
            System.err.println("compare: cannot write the reports to " + settings.outDir() + ": " + e.getMessage());
            return UNHEALTHY;
        }
        return result.healthy() ? OK : UNHEALTHY;
    }

    /** Runs the stages one after the other, each on its own local-cloud, and works out bills, models and targets. */
    static CompareResult compare(CompareSettings settings, List<Path> stageDirs, StageRun.Progress progress) {
        long started = System.nanoTime();
        PriceTable prices = PriceTable.load();
        LatencyProfile latency = settings.awsLatency() ? LatencyProfile.load() : null;
        StageRun run = new StageRun(settings, progress);
        List<StageMeasurement> stages = new ArrayList<>();
        for (Path stageDir : stageDirs) {
            stages.add(run.run(stageDir));
        }
        Map<String, MonthlyBill> bills = new LinkedHashMap<>();
        Map<String, LatencyProfile.Model> models = new LinkedHashMap<>();
        Map<String, StageMeasurement> byNumber = new LinkedHashMap<>();
        for (StageMeasurement stage : stages) {
            byNumber.put(stage.number(), stage);
            if (stage.succeeded()) {
                bills.put(stage.stage(), MonthlyBill.of(stage.perRide(), settings.ridesPerMonth(), prices));
                if (latency != null) {
                    models.put(stage.stage(), latency.model(stage.pathHops()));
                }
            }
        }
        return new CompareResult(ZonedDateTime.now(), CompareResult.Machine.current(), CompareResult.Parameters.of(settings),
                List.copyOf(stages), bills, models, TargetCheck.check(byNumber), prices, (System.nanoTime() - started) / 1e9);
    }

    static void write(CompareResult result, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("compare.md"), MarkdownReport.render(result));
        Files.writeString(outDir.resolve("compare.svg"), SvgChart.render(SvgChart.groups(result)));
        Files.writeString(outDir.resolve("compare.json"), JsonReport.render(result));
    }

    /** The stage folders ({@code NN-name}) under the repository root, in order; only the asked ones if any. */
    static List<Path> stages(Path root, List<String> wanted) {
        List<Path> all;
        try (Stream<Path> entries = Files.list(root)) {
            all = entries.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().matches("\\d\\d-.+"))
                    .filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list the stages in " + root + ": " + e.getMessage());
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no stage folders (00-baseline, ...) in " + root + "; run compare from the repository root");
        }
        if (wanted.isEmpty()) {
            return all;
        }
        List<Path> chosen = new ArrayList<>();
        for (String number : wanted) {
            chosen.add(all.stream().filter(d -> d.getFileName().toString().startsWith(number + "-")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no stage " + number + "; the stages are "
                            + all.stream().map(d -> d.getFileName().toString()).toList())));
        }
        return chosen;
    }

    /** One line per phase; on a terminal the ride counts update in place. */
    static final class ConsoleProgress implements StageRun.Progress {

        private final PrintStream out;
        private final boolean interactive = System.console() != null;
        private String lastCounted = "";

        ConsoleProgress(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void phase(String stage, String text) {
            endCountLine();
            out.println(stage + ": " + text);
        }

        @Override
        public synchronized void count(String stage, String text, int done, int total) {
            String line = String.format(Locale.ROOT, "%s: %s %d rides (%d/%d)", stage, text, total, done, total);
            if (interactive) {
                out.print("\r" + line);
                lastCounted = line;
                if (done == total) {
                    endCountLine();
                }
            } else if (done == 0 || done == total) {
                out.println(line);
            }
            out.flush();
        }

        private void endCountLine() {
            if (!lastCounted.isEmpty()) {
                out.println();
                lastCounted = "";
            }
        }
    }
}
