package com.wildrydes.systemtests.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How much a run measures. The full run gives the figures worth reporting; {@code --quick} the
 * same code paths with few samples, as a smoke run.
 *
 * @param coldStartSamples fresh instances per function and variant (the median is reported)
 * @param hopWarmup        warm-up calls before the hop is measured, both in-process and through local-cloud; with
 *                         fewer than about 2000, local-cloud's own code is not yet compiled by C2 and the hop
 *                         measures the JIT, not local-cloud
 * @param hopCalls         measured calls each way
 * @param warmInvokes      invokes after a cold start in the JIT benchmark, to see the JIT's effect on warm calls
 */
record BenchmarkOptions(Path out, boolean quick, Set<Section> sections, int coldStartSamples, int hopWarmup, int hopCalls,
                        int warmInvokes) {

    /** The benchmarks, by the names {@code --only} takes. */
    enum Section {
        SIZE, HOP, COLD, JIT;

        static Section named(String name) {
            return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(name.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown benchmark '" + name + "' (supported: "
                            + Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ")"));
        }
    }

    static final String USAGE = """
            usage: Benchmarks [--out DIR] [--quick] [--only size,hop,cold,jit] [--hop-calls N]
              --out DIR        where benchmarks.md and benchmarks.json go (default target/bench)
              --quick          few samples: a smoke run, not figures to report
              --only LIST      run only these benchmarks (default: all)
              --hop-calls N    measured calls for the per-hop overhead (e.g. many, to profile it)""";

    BenchmarkOptions {
        sections = Set.copyOf(sections);
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("no benchmark to run\n" + USAGE);
        }
    }

    static BenchmarkOptions full(Path out) {
        return new BenchmarkOptions(out, false, EnumSet.allOf(Section.class), 5, 2000, 1000, 20);
    }

    static BenchmarkOptions quick(Path out) {
        return new BenchmarkOptions(out, true, EnumSet.allOf(Section.class), 1, 200, 200, 3);
    }

    static BenchmarkOptions parse(String... args) {
        Path out = Path.of("target", "bench");
        boolean quick = false;
        Set<Section> sections = EnumSet.allOf(Section.class);
        Integer hopCalls = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(value(args, i++));
                case "--only" -> sections = Arrays.stream(value(args, i++).split(",")).map(Section::named)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Section.class)));
                case "--hop-calls" -> hopCalls = positive(args[i], value(args, i++));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "' (supported: --out, --quick, --only, --hop-calls)\n" + USAGE);
            }
        }
        BenchmarkOptions base = quick ? quick(out) : full(out);
        return new BenchmarkOptions(out, quick, sections, base.coldStartSamples(), base.hopWarmup(),
                hopCalls == null ? base.hopCalls() : hopCalls, base.warmInvokes());
    }

    boolean runs(Section section) {
        return sections.contains(section);
    }

    private static String value(String[] args, int optionIndex) {
        if (optionIndex + 1 >= args.length || args[optionIndex + 1].isBlank() || args[optionIndex + 1].startsWith("--")) {
            throw new IllegalArgumentException(args[optionIndex] + " needs a value\n" + USAGE);
        }
        return args[optionIndex + 1];
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, not '" + value + "'");
    }

    /** The parameters as the report lists them. */
    Map<String, String> describe() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("mode", quick ? "quick (smoke run: too few samples to report)" : "full");
        parameters.put("benchmarks", sections.stream().sorted().map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        parameters.put("cold start samples per function and variant", Integer.toString(coldStartSamples));
        parameters.put("hop warm-up calls", Integer.toString(hopWarmup));
        parameters.put("hop measured calls", Integer.toString(hopCalls));
        parameters.put("warm invokes after each JIT cold start", Integer.toString(warmInvokes));
        parameters.put("function memory", "512 MB (as the workshop's templates)");
        parameters.put("instance JVM flags", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
                + " (left out with an AOT cache) -XX:MaxHeapSize=85% of memory -XX:-UsePerfData, then the function's JAVA_TOOL_OPTIONS");
        parameters.put("variants", "AppCDS: -XX:SharedArchiveFile of a jcmd VM.cds dynamic_dump after one invoke;"
                + " AOT cache: -XX:AOTCache assembled from a -XX:AOTMode=record training run of one invoke");
        return parameters;
    }
}
