package com.wildrydes.systemtests.bench;

import com.wildrydes.localcloud.LocalCloud;
import com.wildrydes.localcloud.LocalCloudOptions;
import com.wildrydes.localcloud.cloudformation.Stack;
import com.wildrydes.localcloud.cloudformation.StackResource;
import com.wildrydes.localcloud.lambda.FunctionLogSink;
import com.wildrydes.localcloud.lambda.LambdaOptions;
import com.wildrydes.systemtests.bench.BenchmarkOptions.Section;
import com.wildrydes.systemtests.bench.functions.HelloApi;
import com.wildrydes.systemtests.bench.functions.HelloWorld;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every benchmark in one go and reports each result against a baseline measured in the same
 * run: local-cloud's cost per hop, each function's cold start against hello world (as built, with an
 * AppCDS archive, with an AOT cache), the JIT's and the HTTP client's share of a cold start, and the size
 * of every function artifact.
 *
 * <p>From the repository root, with the stages packaged:
 * {@code ./mvnw -B -ntp -pl system-tests exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.wildrydes.systemtests.bench.Benchmarks -Dexec.args="--out target/bench"}
 * (add {@code --quick} for a smoke run; {@code --help} lists the options).
 */
public final class Benchmarks {

    static final String ASYNC_STAGE = "01-asynchronous-event-driven";
    static final String DIRECT_INVOKE_STAGE = "02-synchronous-requests";
    static final String BASELINE_STAGE = "00-baseline";
    static final String HELLO_STACK = "bench-hello";

    /** Function output stays in local-cloud's in-memory log tail; the console shows the benchmark's progress. */
    private static final LambdaOptions QUIET = LambdaOptions.defaults().withLogSink(FunctionLogSink.NONE);

    /** local-cloud reports every resource it creates and deletes; a run needs only its warnings (held, or the level is lost). */
    private static final Logger LOCAL_CLOUD_LOG = Logger.getLogger("com.wildrydes.localcloud");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LOCAL_CLOUD_LOG.setLevel(Level.WARNING);
        BenchmarkReport report = run(options, workshopRoot());
        Path markdown = report.write(options.out().toAbsolutePath());
        System.out.println();
        System.out.print(report.table());
        System.out.printf("%nran in %.1f s on %d cores, load average %s -> %s; %d result(s) missed their budget%nwrote %s and %s%n",
                report.took().toMillis() / 1000.0, report.machine().cores(), report.machine().loadAverage(), report.loadAtEnd(),
                report.misses(), markdown, markdown.resolveSibling(BenchmarkReport.JSON));
    }

    static BenchmarkReport run(BenchmarkOptions options, Path root) throws Exception {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Machine machine = Machine.current();
        Path out = options.out().toAbsolutePath();
        Path work = out.resolve("functions");
        List<Result> results = new ArrayList<>();
        if (options.runs(Section.SIZE)) {
            results.addAll(ArtifactSizes.measure(root));
        }
        boolean cold = options.runs(Section.COLD);
        if (options.runs(Section.HOP) || cold || options.runs(Section.JIT)) {
            Path helloTemplate = helloFunctions(work);
            ColdStarts.Series hello = null;
            try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.ephemeral(), QUIET)) {
                progress("deploying " + ASYNC_STAGE + " and the hello-world functions");
                cloud.deployStage(root.resolve(ASYNC_STAGE));
                cloud.deploy(HELLO_STACK, helloTemplate, Map.of());
                if (options.runs(Section.HOP)) {
                    progress("per-hop overhead");
                    try {
                        results.addAll(new HopOverheadBenchmark(options.hopWarmup(), options.hopCalls())
                                .run(cloud, HELLO_STACK, function(cloud, HELLO_STACK, "HelloApi")));
                    } catch (RuntimeException | IOException e) {
                        // the other benchmarks still deserve their run
                        results.add(new Result(HopOverheadBenchmark.SECTION, "hello API, 1 hop", "in-process handleRequest p50",
                                Double.NaN, Double.NaN, "ms", HopOverheadBenchmark.BUDGET, "not measured: " + e));
                    }
                }
                if (cold) {
                    hello = asyncStageColdStarts(cloud, options, out, results);
                }
                if (options.runs(Section.JIT)) {
                    progress("JIT and HTTP client");
                    String unicorns = cloud.lambda().function(function(cloud, "wild-rydes-ride-fleet", "RequestUnicorn")).orElseThrow()
                            .environment().get("DDB_TABLE_NAME");
                    results.addAll(new JitAndHttpClientBenchmark(options.coldStartSamples(), options.warmInvokes())
                            .run(cloud.lambda(), unicorns, work));
                }
            }
            if (cold) {
                directInvokeStageColdStarts(root, options, out, hello, results);
                baselineStageColdStarts(root, options, out, hello, results);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new BenchmarkReport(startedAt, took, machine, Machine.currentLoadAverage(), options.describe(), results);
    }

    /** Hello world, then each function of the asynchronous stage; returns hello world's series, the baseline of all. */
    private static ColdStarts.Series asyncStageColdStarts(LocalCloud cloud, BenchmarkOptions options, Path out, List<Result> results) {
        progress("cold starts of " + ASYNC_STAGE);
        ColdStartBenchmark coldStarts = new ColdStartBenchmark(cloud.lambda(), options.coldStartSamples(), out.resolve("cds"));
        String helloWorld = function(cloud, HELLO_STACK, "HelloWorld");
        ColdStarts.Series hello = coldStarts.hello(helloWorld);
        results.add(new Result(ColdStartBenchmark.SECTION, "hello world: invoke to response (median of " + options.coldStartSamples() + ")",
                "-", Double.NaN, hello.medianTotalMs(), "ms", new Budget.None(),
                "the baseline; Init Duration " + Numbers.format(hello.medianInitMs()) + " ms"));
        results.add(coldStarts.helloWithArchive(helloWorld, hello));
        results.add(coldStarts.helloWithAotCache(helloWorld, hello));
        // The fleet and the recorder first; then RequestRide, with the fleet warmed again just before (measuring a
        // function leaves it without a warm instance), so that no cold start of theirs is counted in RequestRide's.
        StageColdStarts stage = new StageColdStarts(cloud, coldStarts, hello, results);
        stage.measure("01", "wild-rydes-ride-fleet", "RequestUnicorn", BenchEvents.GET_UNICORN);
        stage.measure("01", "wild-rydes-ride-record", "PutRideRecord", BenchEvents.POST_RECORD);
        stage.measure("01", "wild-rydes-ride-record", "RecordRide", BenchEvents.RIDE_REQUESTED);
        stage.warm("wild-rydes-ride-fleet", "RequestUnicorn", BenchEvents.GET_UNICORN);
        stage.measure("01", "wild-rydes", "RequestRide", BenchEvents.POST_RIDE);
        return hello;
    }

    /** The direct-invoke stage's two new functions: the fleet's invoke handler, then RequestRide calling it. */
    private static void directInvokeStageColdStarts(Path root, BenchmarkOptions options, Path out, ColdStarts.Series hello,
                                                    List<Result> results) throws IOException {
        try (LocalCloud cloud = ownCloud(root, DIRECT_INVOKE_STAGE)) {
            StageColdStarts stage = new StageColdStarts(cloud,
                    new ColdStartBenchmark(cloud.lambda(), options.coldStartSamples(), out.resolve("cds-02")), hello, results);
            stage.measure("02", "wild-rydes-ride-fleet", "RequestUnicornInvoke", BenchEvents.INVOKE_UNICORN);
            stage.warm("wild-rydes-ride-fleet", "RequestUnicornInvoke", BenchEvents.INVOKE_UNICORN);
            stage.measure("02", "wild-rydes", "RequestRide", BenchEvents.POST_RIDE);
        }
    }

    /**
     * RequestRide of the baseline, which calls its neighbours over plain HTTP and has no AWS SDK: the function
     * that shows how much of a cold start the SDK is.
     */
    private static void baselineStageColdStarts(Path root, BenchmarkOptions options, Path out, ColdStarts.Series hello,
                                                List<Result> results) throws IOException {
        try (LocalCloud cloud = ownCloud(root, BASELINE_STAGE)) {
            StageColdStarts stage = new StageColdStarts(cloud,
                    new ColdStartBenchmark(cloud.lambda(), options.coldStartSamples(), out.resolve("cds-00")), hello, results);
            stage.warm("wild-rydes-ride-fleet", "RequestUnicorn", BenchEvents.GET_UNICORN);
            stage.warm("wild-rydes-ride-record", "PutRideRecord", BenchEvents.POST_RECORD);
            stage.measure("00", "wild-rydes", "RequestRide", BenchEvents.POST_RIDE);
        }
    }

    /** A stage deployed on a local-cloud of its own: the stages use the same stack names. */
    private static LocalCloud ownCloud(Path root, String stage) throws IOException {
        LocalCloud cloud = LocalCloud.start(LocalCloudOptions.ephemeral(), QUIET);
        progress("deploying " + stage + " and its cold starts");
        cloud.deployStage(root.resolve(stage));
        return cloud;
    }

    /** One deployed stage's cold starts: each measured against hello world, its dependencies warmed first. */
    private record StageColdStarts(LocalCloud cloud, ColdStartBenchmark coldStarts, ColdStarts.Series hello,
                                   List<Result> results) {

        void measure(String stageNumber, String stackName, String logicalId, String eventFixture) {
            String label = stageNumber + " " + logicalId;
            progress("  " + label);
            results.addAll(coldStarts.measure(new ColdStartBenchmark.Target(label, function(cloud, stackName, logicalId),
                    eventFixture), hello, true));
        }

        /** Leaves a warm instance of a function the next measured one calls. */
        void warm(String stackName, String logicalId, String eventFixture) {
            coldStarts.coldStarts().invoke(function(cloud, stackName, logicalId), BenchEvents.load(eventFixture));
        }
    }

    /** The hello-world jar and the template that deploys it, side by side as SAM expects. */
    private static Path helloFunctions(Path work) throws IOException {
        FunctionCode.jar(work.resolve("hello-world.jar"), List.of(HelloWorld.class, HelloApi.class));
        Path template = work.resolve("hello-functions.yaml");
        try (InputStream in = Benchmarks.class.getResourceAsStream("/bench/hello-functions.yaml")) {
            if (in == null) {
                throw new IllegalStateException("bench/hello-functions.yaml is not on the class path");
            }
            Files.copy(in, template, StandardCopyOption.REPLACE_EXISTING);
        }
        return template;
    }

    /** The deployed name of a stack's function, by its logical id in the template. */
    static String function(LocalCloud cloud, String stackName, String logicalId) {
        Stack stack = cloud.stack(stackName).orElseThrow(() -> new IllegalStateException("no stack " + stackName + " is deployed"));
        return stack.resources().stream()
                .filter(r -> r.logicalId().equals(logicalId) && r.type().endsWith("::Function"))
                .map(StackResource::physicalId)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the stack " + stackName + " has no function " + logicalId));
    }

    /** The repository root: the {@code workshop.root} property, else the nearest folder up from here holding the stages. */
    static Path workshopRoot() {
        String configured = System.getProperty("workshop.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(ASYNC_STAGE)) && Files.isDirectory(dir.resolve("local-cloud"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a folder with " + ASYNC_STAGE
                + "/ and local-cloud/) from " + Path.of("").toAbsolutePath() + "; set -Dworkshop.root");
    }

    private static void progress(String step) {
        System.out.println("[bench] " + step);
    }
}
