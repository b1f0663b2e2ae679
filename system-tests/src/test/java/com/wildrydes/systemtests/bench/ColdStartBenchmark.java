package com.wildrydes.systemtests.bench;

import com.wildrydes.localcloud.lambda.LambdaService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cold start of each real function against a hello-world function under the same runtime
 * (launcher, JVM flags, memory): the time from invoke to response on a fresh instance, and its
 * Init Duration. Then the same with a dynamic AppCDS archive of what the function loads, and with a
 * Java 25 AOT cache from a training run: both passed through {@code JAVA_TOOL_OPTIONS}, as a
 * function would on Lambda.
 */
final class ColdStartBenchmark {

    static final String SECTION = "Cold start";
    static final Budget BUDGET = new Budget.MaxRatio(1.5);

    /** A function to measure and the event it gets, e.g. RequestUnicorn with an API Gateway GET /unicorn. */
    record Target(String label, String function, String eventFixture) {
    }

    private final LambdaService lambda;
    private final ColdStarts coldStarts;
    private final int samples;
    private final Path archives;

    ColdStartBenchmark(LambdaService lambda, int samples, Path archives) {
        this.lambda = lambda;
        this.coldStarts = new ColdStarts(lambda);
        this.samples = samples;
        this.archives = archives;
    }

    ColdStarts coldStarts() {
        return coldStarts;
    }

    /** The baseline: a hello-world function's cold starts. */
    ColdStarts.Series hello(String function) {
        return coldStarts.measure(function, Map.of(), () -> BenchEvents.load(BenchEvents.GET_HELLO), samples);
    }

    /** The hello-world function with an archive of its own, to tell the archive's general gain from the SDK's share. */
    Result helloWithArchive(String function, ColdStarts.Series hello) {
        String subject = "hello world + AppCDS: invoke to response (median of " + samples + ")";
        try {
            Path archive = AppCdsArchive.create(lambda, coldStarts, function, BenchEvents.load(BenchEvents.GET_HELLO),
                    archives.resolve("hello-world.jsa"));
            ColdStarts.Series series = coldStarts.measure(function, AppCdsArchive.using(archive),
                    () -> BenchEvents.load(BenchEvents.GET_HELLO), samples);
            String served = AppCdsArchive.classesServed(coldStarts, function, BenchEvents.load(BenchEvents.GET_HELLO), archive);
            return new Result(SECTION, subject, "hello world", hello.medianTotalMs(), series.medianTotalMs(), "ms", new Budget.None(),
                    String.format(Locale.ROOT, "Init Duration %s ms (without: %s ms); archive %s MB; %s",
                            Numbers.format(series.medianInitMs()), Numbers.format(hello.medianInitMs()), Numbers.format(AppCdsArchive.sizeMb(archive)),
                            served));
        } catch (Exception e) {
            return notMeasured(subject, e);
        } finally {
            coldStarts.redeploy(function, Map.of());
        }
    }

    /** The hello-world function with an AOT cache of its own. */
    Result helloWithAotCache(String function, ColdStarts.Series hello) {
        String subject = "hello world + AOT cache: invoke to response (median of " + samples + ")";
        try {
            Path cache = AotCache.create(lambda, coldStarts, function, BenchEvents.load(BenchEvents.GET_HELLO), archives);
            ColdStarts.Series series = coldStarts.measure(function, AotCache.using(cache), () -> BenchEvents.load(BenchEvents.GET_HELLO), samples);
            return new Result(SECTION, subject, "hello world", hello.medianTotalMs(), series.medianTotalMs(), "ms", new Budget.None(),
                    String.format(Locale.ROOT, "Init Duration %s ms (without: %s ms); cache %s MB", Numbers.format(series.medianInitMs()),
                            Numbers.format(hello.medianInitMs()), Numbers.format(AppCdsArchive.sizeMb(cache))));
        } catch (Exception e) {
            return notMeasured(subject, e);
        } finally {
            coldStarts.redeploy(function, Map.of());
        }
    }

    /** The function's cold starts as deployed, then (if {@code withArchive}) with its AppCDS archive. */
    List<Result> measure(Target target, ColdStarts.Series hello, boolean withArchive) {
        List<Result> results = new ArrayList<>();
        ColdStarts.Series plain;
        try {
            plain = coldStarts.measure(target.function(), Map.of(), () -> BenchEvents.load(target.eventFixture()), samples);
        } catch (RuntimeException e) {
            results.add(notMeasured(target.label() + ": invoke to response", e));
            return results;
        }
        results.add(new Result(SECTION, target.label() + ": invoke to response (median of " + samples + ")", "hello world",
                hello.medianTotalMs(), plain.medianTotalMs(), "ms", BUDGET,
                "first invoke's Duration " + Numbers.format(plain.medianDurationMs()) + " ms (event " + target.eventFixture() + ")"));
        results.add(new Result(SECTION, target.label() + ": Init Duration (median of " + samples + ")", "hello world",
                hello.medianInitMs(), plain.medianInitMs(), "ms", new Budget.None(), ""));
        if (withArchive) {
            results.add(withArchive(target, hello, plain));
            results.add(withAotCache(target, hello, plain));
        }
        return results;
    }

    private Result withAotCache(Target target, ColdStarts.Series hello, ColdStarts.Series plain) {
        String subject = target.label() + " + AOT cache: invoke to response (median of " + samples + ")";
        try {
            Path cache = AotCache.create(lambda, coldStarts, target.function(), BenchEvents.load(target.eventFixture()), archives);
            ColdStarts.Series series = coldStarts.measure(target.function(), AotCache.using(cache),
                    () -> BenchEvents.load(target.eventFixture()), samples);
            double gain = 100 * (1 - series.medianTotalMs() / plain.medianTotalMs());
            return new Result(SECTION, subject, "hello world", hello.medianTotalMs(), series.medianTotalMs(), "ms", BUDGET,
                    String.format(Locale.ROOT, "%s ms without the cache (%s%% faster with it); Init Duration %s ms (without: %s ms); cache %s MB",
                            Numbers.format(plain.medianTotalMs()), Numbers.format(gain), Numbers.format(series.medianInitMs()),
                            Numbers.format(plain.medianInitMs()), Numbers.format(AppCdsArchive.sizeMb(cache))));
        } catch (Exception e) {
            return notMeasured(subject, e);
        } finally {
            coldStarts.redeploy(target.function(), Map.of());
        }
    }

    private Result withArchive(Target target, ColdStarts.Series hello, ColdStarts.Series plain) {
        String subject = target.label() + " + AppCDS: invoke to response (median of " + samples + ")";
        try {
            Path archive = AppCdsArchive.create(lambda, coldStarts, target.function(), BenchEvents.load(target.eventFixture()),
                    archives.resolve(target.function() + ".jsa"));
            ColdStarts.Series series = coldStarts.measure(target.function(), AppCdsArchive.using(archive),
                    () -> BenchEvents.load(target.eventFixture()), samples);
            double gain = 100 * (1 - series.medianTotalMs() / plain.medianTotalMs());
            String served = AppCdsArchive.classesServed(coldStarts, target.function(), BenchEvents.load(target.eventFixture()), archive);
            return new Result(SECTION, subject, "hello world", hello.medianTotalMs(), series.medianTotalMs(), "ms", BUDGET,
                    String.format(Locale.ROOT, "%s ms without the archive (%s%% faster with it); Init Duration %s ms (without: %s ms);"
                                    + " archive %s MB; %s",
                            Numbers.format(plain.medianTotalMs()), Numbers.format(gain), Numbers.format(series.medianInitMs()),
                            Numbers.format(plain.medianInitMs()), Numbers.format(AppCdsArchive.sizeMb(archive)), served));
        } catch (Exception e) {
            return notMeasured(subject, e);
        } finally {
            coldStarts.redeploy(target.function(), Map.of());
        }
    }

    static Result notMeasured(String subject, Exception e) {
        return new Result(SECTION, subject, "hello world", Double.NaN, Double.NaN, "ms", BUDGET, "not measured: " + e.getMessage());
    }
}
