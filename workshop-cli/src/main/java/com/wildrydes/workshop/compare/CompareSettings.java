package com.wildrydes.workshop.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code compare} is asked to do, checked before any stage is deployed.
 *
 * @param rides          measured rides per stage
 * @param concurrency    rides in flight at once, in the warm-up and the measured run alike
 * @param outDir         where compare.md, compare.svg and compare.json go
 * @param awsLatency     add the modelled AWS-like p50 next to the local figures
 * @param ridesPerMonth  the volume the monthly bill is projected for
 * @param stages         stage folder prefixes to run (00, 01, ...); empty means every stage folder
 * @param warmup         rides before the measured run in each warm-up round; 0 for the default
 */
public record CompareSettings(int rides, int concurrency, Path outDir, boolean awsLatency, long ridesPerMonth,
                              List<String> stages, int warmup) {

    public static final int DEFAULT_RIDES = 200;
    public static final int MAX_RIDES = 10_000;
    /**
     * One ride at a time by default: on AWS each concurrent ride runs in its own sandbox, while here they share
     * this machine's cores, and the asynchronous stages' recording would run beside the next ride. Measured on
     * 2 cores, concurrency 2 made 01 and 00 look alike (p50 16.4 against 16.7 ms) only because of that contention.
     */
    public static final int DEFAULT_CONCURRENCY = 1;
    public static final int MAX_CONCURRENCY = 64;
    public static final long DEFAULT_RIDES_PER_MONTH = 10_000_000L;
    public static final long MAX_RIDES_PER_MONTH = 1_000_000_000_000L;
    /**
     * Warm-up never shorter than this. Lambda's java21 runtime stops the JIT at C1, which compiles a method after
     * some hundreds of calls; before that the SDK's code runs interpreted and a single DynamoDB call costs ~5 ms
     * of the function's time instead of ~1 ms, which would hide the hops the stages differ by.
     */
    static final int MIN_WARMUP_RIDES = 1000;

    static final String USAGE = """
            Usage: ./workshop compare [--rides N] [--concurrency C] [--out DIR] [--latency aws]
                                      [--volume RIDES_PER_MONTH] [--stages 00,01,02] [--no-build]
              --rides N          measured rides per stage, 1 to 10000 (default 200)
              --concurrency C    rides in flight at once, 1 to 64 (default 1)
              --out DIR          where compare.md, compare.svg and compare.json go (default target/compare)
              --latency aws      also show a modelled AWS-like p50 per stage (labelled as modelled)
              --volume N         rides per month for the projected bill (default 10000000)
              --stages LIST      only these stages, by number (default: every stage)
              --warmup N         warm-up rides before the measured run, 1 to 10000 (default: as many as
                                 the measured run, and at least 1000: the functions' code must be compiled)
              --no-build         use the artifacts already built""";

    private static final List<String> FLAGS = List.of("--rides", "--concurrency", "--out", "--latency", "--volume",
            "--stages", "--warmup", "--no-build");

    public CompareSettings {
        if (rides < 1 || rides > MAX_RIDES) {
            throw new IllegalArgumentException("--rides must be between 1 and " + MAX_RIDES + ", not " + rides);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("--concurrency must be between 1 and " + MAX_CONCURRENCY + ", not " + concurrency);
        }
        if (ridesPerMonth < 1 || ridesPerMonth > MAX_RIDES_PER_MONTH) {
            throw new IllegalArgumentException("--volume must be between 1 and " + MAX_RIDES_PER_MONTH
                    + " rides per month, not " + ridesPerMonth);
        }
        if (warmup < 0 || warmup > MAX_RIDES) {
            throw new IllegalArgumentException("--warmup must be between 1 and " + MAX_RIDES + ", not " + warmup);
        }
        stages = List.copyOf(stages);
    }

    /** Rides before the measured run: as asked, else as many as it has and never fewer than {@value #MIN_WARMUP_RIDES}. */
    public int warmupRides() {
        return warmup > 0 ? warmup : Math.max(MIN_WARMUP_RIDES, rides);
    }

    /** Reads the command line; a relative {@code --out} is taken from {@code root}. */
    public static CompareSettings parse(List<String> args, Path root) {
        int rides = DEFAULT_RIDES;
        int concurrency = DEFAULT_CONCURRENCY;
        Path out = root.resolve("target").resolve("compare");
        boolean awsLatency = false;
        long volume = DEFAULT_RIDES_PER_MONTH;
        List<String> stages = new ArrayList<>();
        int warmup = 0;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            switch (flag) {
                case "--no-build" -> {
                    // the build happens before this program starts; the flag is accepted so one command line serves both
                }
                case "--rides" -> rides = intNumber(flag, value(args, ++i, flag), MAX_RIDES);
                case "--warmup" -> warmup = intNumber(flag, value(args, ++i, flag), MAX_RIDES);
                case "--concurrency" -> concurrency = intNumber(flag, value(args, ++i, flag), MAX_CONCURRENCY);
                case "--volume" -> volume = number(flag, value(args, ++i, flag), MAX_RIDES_PER_MONTH);
                case "--out" -> out = root.resolve(value(args, ++i, flag));
                case "--latency" -> {
                    String model = value(args, ++i, flag);
                    if (!model.equals("aws")) {
                        throw new IllegalArgumentException("--latency supports only 'aws' (a modelled AWS-like p50), not '" + model + "'");
                    }
                    awsLatency = true;
                }
                case "--stages" -> {
                    for (String stage : value(args, ++i, flag).split(",")) {
                        if (!stage.matches("\\d\\d")) {
                            throw new IllegalArgumentException("--stages takes stage numbers separated by commas, like 00,01,02; '"
                                    + stage + "' is not one");
                        }
                        stages.add(stage);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'; the options are: "
                        + String.join(", ", FLAGS));
            }
        }
        return new CompareSettings(rides, concurrency, out.normalize(), awsLatency, volume, stages, warmup);
    }

    public Optional<String> stageFilterDescription() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(String.join(",", stages));
    }

    private static String value(List<String> args, int index, String flag) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(index);
    }

    private static int intNumber(String flag, String text, int max) {
        long value = number(flag, text, max);
        if (value > max || value < 1) {
            throw new IllegalArgumentException(flag + " must be between 1 and " + max + ", not " + text);
        }
        return (int) value;
    }

    /** A whole number; one too large for a long is reported against the flag's own limit. */
    private static long number(String flag, String text, long max) {
        if (!text.matches("-?\\d+")) {
            throw new IllegalArgumentException(flag + " takes a whole number, not '" + text + "'");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException(flag + " must be at most " + max + ", not " + text);
        }
    }
}
