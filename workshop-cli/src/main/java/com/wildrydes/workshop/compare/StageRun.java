package com.wildrydes.workshop.compare;

import com.wildrydes.localcloud.LocalCloud;
import com.wildrydes.localcloud.LocalCloudOptions;
import com.wildrydes.localcloud.apigateway.RequestTiming;
import com.wildrydes.localcloud.cloudformation.StackResource;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.FunctionLogSink;
import com.wildrydes.localcloud.lambda.FunctionStats;
import com.wildrydes.localcloud.lambda.LambdaOptions;
import com.wildrydes.localcloud.lambda.InvocationRecord;
import com.wildrydes.localcloud.trace.Trace;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs one stage on a fresh local-cloud: deploys its real templates, books the cold first ride alone,
 * warms every instance the measured run will use, then measures. Between phases it waits until every
 * accepted ride is recorded and no function is busy, so asynchronous work is counted in the phase
 * whose rides caused it.
 */
final class StageRun {

    static final String RIDE_STACK = "wild-rydes";
    static final String RECORD_STACK = "wild-rydes-ride-record";
    static final String RECORD_TABLE = "RideRecordTable";
    /** How long accepted rides may take to be recorded (asynchronous stages) before they count as lost. */
    static final Duration RECORD_GRACE = Duration.ofSeconds(30);
    /** Traces read back for the critical path; local-cloud keeps the latest 200. */
    static final int SAMPLED_TRACES = 100;
    /** Warm-up rounds at most: rides overlap by chance, so a round may leave a function with fewer instances than the run uses. */
    static final int MAX_WARMUP_ROUNDS = 4;

    private final CompareSettings settings;
    private final Progress progress;

    /** Where a stage run reports its phases. */
    interface Progress {
        void phase(String stage, String text);

        void count(String stage, String text, int done, int total);
    }

    StageRun(CompareSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    StageMeasurement run(Path stageDir) {
        String stage = stageDir.getFileName().toString();
        long started = System.nanoTime();
        LambdaOptions lambdaOptions = LambdaOptions.defaults().withLogSink(FunctionLogSink.NONE);
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.ephemeral(), lambdaOptions)) {
            CallCounter calls = new CallCounter();
            cloud.observeAwsCalls(calls);
            progress.phase(stage, "deploying");
            cloud.deployStage(stageDir);
            URI rideUrl = URI.create(cloud.apiUrl(RIDE_STACK).orElseThrow(
                    () -> new IllegalStateException("stack " + RIDE_STACK + " has no API")) + "/ride");
            String recordTable = cloud.stack(RECORD_STACK).flatMap(s -> s.resource(RECORD_TABLE)).map(StackResource::physicalId)
                    .orElseThrow(() -> new IllegalStateException("stack " + RECORD_STACK + " has no " + RECORD_TABLE));
            RideClient client = new RideClient(rideUrl);
            List<String> problems = new ArrayList<>();

            RideClient.Ride cold = client.book();
            progress.phase(stage, String.format("cold ride %.0f ms", cold.millis()));
            long accepted = cold.accepted() ? 1 : 0;
            settle(cloud, recordTable, accepted);
            Map<String, Long> beforeWarmup = invocationCounts(cloud);
            int instancesWanted = Math.min(settings.concurrency(), lambdaOptions.maxInstancesPerFunction());
            List<RideClient.Ride> warmup = new ArrayList<>();
            for (int round = 1; round <= MAX_WARMUP_ROUNDS; round++) {
                warmup.addAll(client.bookAll(settings.warmupRides(), settings.concurrency(),
                        done -> progress.count(stage, "warm-up", done, settings.warmupRides())));
                accepted = (cold.accepted() ? 1 : 0) + warmup.stream().filter(RideClient.Ride::accepted).count();
                settle(cloud, recordTable, accepted);
                List<String> shortOfInstances = functionsShortOfInstances(cloud, beforeWarmup, instancesWanted);
                if (shortOfInstances.isEmpty()) {
                    break;
                }
                progress.phase(stage, "fewer than " + instancesWanted + " warm instances of " + shortOfInstances
                        + (round < MAX_WARMUP_ROUNDS ? "; warming up again" : "; measuring anyway"));
            }

            progress.count(stage, "measuring", 0, settings.rides());
            CallCounts before = calls.snapshot();
            MeasurementWindow.Totals window;
            List<RideClient.Ride> measured;
            try (MeasurementWindow open = MeasurementWindow.open(cloud)) {
                measured = client.bookAll(settings.rides(), settings.concurrency(),
                        done -> progress.count(stage, "measuring", done, settings.rides()));
                accepted += measured.stream().filter(RideClient.Ride::accepted).count();
                settle(cloud, recordTable, accepted);
                window = open.totals();
            }
            CallCounts inWindow = calls.snapshot().minus(before);
            long recorded = cloud.dynamodb().itemCount(recordTable);

            List<RideClient.Ride> all = new ArrayList<>();
            all.add(cold);
            all.addAll(warmup);
            all.addAll(measured);
            all.stream().filter(r -> !r.accepted()).map(RideClient.Ride::problem).distinct().limit(5).forEach(problems::add);
            long refused = all.stream().filter(r -> !r.accepted()).count();

            List<Trace> traces = measured.reversed().stream()
                    .map(RideClient.Ride::traceRoot).filter(root -> !root.isEmpty())
                    .limit(SAMPLED_TRACES)
                    .map(root -> cloud.traces().trace(root)).flatMap(Optional::stream)
                    .toList();
            Map<String, InvocationRecord> byRequestId = window.invocations().values().stream().flatMap(List::stream)
                    .collect(Collectors.toMap(InvocationRecord::requestId, Function.identity(), (a, b) -> a));
            PathSummary path = PathSummary.of(traces, byRequestId);

            long measuredAccepted = measured.stream().filter(RideClient.Ride::accepted).count();
            PerRideUsage perRide = perRide(cloud, window, inWindow, path, Math.max(1, measuredAccepted));
            Percentiles warm = Percentiles.of(measured.stream().filter(RideClient.Ride::accepted)
                    .map(RideClient.Ride::millis).toList());
            progress.phase(stage, String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; %d recorded of %d accepted",
                    warm.p50(), warm.p95(), warm.p99(), recorded, accepted));
            long coldStartsInRun = window.invocations().values().stream().flatMap(List::stream)
                    .filter(InvocationRecord::coldStart).count();
            return new StageMeasurement(stage, null, cold.millis(), warm, warmup.size(), settings.rides(), coldStartsInRun,
                    accepted, refused, recorded, Math.max(0, accepted - recorded), List.copyOf(problems),
                    path.rendering(), path.samples(), path.agreeing(), path.hops(), perRide, inWindow.byOperation(),
                    new TreeMap<>(window.invocationCounts()), handlerP50(window), apiOverheadP50(cloud, window.requests()),
                    seconds(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StageMeasurement.failed(stage, "interrupted", seconds(started));
        } catch (Exception e) {
            return StageMeasurement.failed(stage, e.getClass().getSimpleName() + ": " + e.getMessage(), seconds(started));
        }
    }

    private static Map<String, Long> invocationCounts(LocalCloud cloud) {
        Map<String, Long> counts = new HashMap<>();
        cloud.lambda().stats().forEach(s -> counts.put(s.functionName(), s.coldStarts() + s.warmStarts()));
        return counts;
    }

    /** The functions the warm-up invoked that have fewer started instances than the measured run will use. */
    private static List<String> functionsShortOfInstances(LocalCloud cloud, Map<String, Long> before, int wanted) {
        List<String> shortOfInstances = new ArrayList<>();
        for (FunctionStats stats : cloud.lambda().stats()) {
            boolean invoked = stats.coldStarts() + stats.warmStarts() > before.getOrDefault(stats.functionName(), 0L);
            if (invoked && stats.busyInstances() + stats.idleInstances() < wanted) {
                shortOfInstances.add(CriticalPath.shortName(stats.functionName()));
            }
        }
        return shortOfInstances;
    }

    /** Waits, within the grace period, until every accepted ride is recorded and no function is still working. */
    private static void settle(LocalCloud cloud, String recordTable, long accepted) throws InterruptedException {
        long deadline = System.nanoTime() + RECORD_GRACE.toNanos();
        while (System.nanoTime() < deadline) {
            boolean recorded = cloud.dynamodb().itemCount(recordTable) >= accepted;
            boolean idle = cloud.lambda().stats().stream().allMatch(s -> s.busyInstances() == 0);
            if (recorded && idle) {
                return;
            }
            Thread.sleep(20);
        }
    }

    /**
     * Billed GB-s per function: its exact invocation count from Lambda's counters times the mean billed
     * duration of the invocations the window read, times its memory size.
     */
    private static PerRideUsage perRide(LocalCloud cloud, MeasurementWindow.Totals window, CallCounts calls,
                                        PathSummary path, long rides) {
        double gbSeconds = 0;
        long invocations = 0;
        for (Map.Entry<String, Long> function : window.invocationCounts().entrySet()) {
            invocations += function.getValue();
            List<InvocationRecord> records = window.invocations().getOrDefault(function.getKey(), List.of());
            double meanBilledMs = records.stream().mapToLong(InvocationRecord::billedDurationMs).average().orElse(0);
            int memoryMb = cloud.lambda().function(function.getKey()).map(FunctionConfig::memorySizeMb).orElse(128);
            gbSeconds += function.getValue() * meanBilledMs / 1000.0 * memoryMb / 1024.0;
        }
        return new PerRideUsage(
                (double) invocations / rides,
                gbSeconds / rides,
                (double) window.requests().size() / rides,
                (double) calls.snsPublishes() / rides,
                path.snsLambdaDeliveriesPerRide(),
                (double) calls.dynamoDbWrites() / rides,
                (double) calls.dynamoDbEventuallyConsistentReads() / rides,
                (double) calls.dynamoDbStronglyConsistentReads() / rides,
                (double) calls.sqsRequests() / rides);
    }

    private static Map<String, Double> handlerP50(MeasurementWindow.Totals window) {
        Map<String, Double> p50 = new TreeMap<>();
        window.invocations().forEach((function, records) -> p50.put(function,
                Percentiles.median(records.stream().filter(r -> !r.coldStart()).map(InvocationRecord::durationMs).toList())));
        return p50;
    }

    /** local-cloud's own time per API request (routing, building the event, mapping the response), p50 by API name. */
    private static Map<String, Double> apiOverheadP50(LocalCloud cloud, List<RequestTiming> requests) {
        Map<String, String> names = new HashMap<>();
        cloud.apiGateway().apis().forEach(api -> names.put(api.apiId(), api.name()));
        Map<String, List<Double>> overheads = new LinkedHashMap<>();
        for (RequestTiming timing : requests) {
            overheads.computeIfAbsent(names.getOrDefault(timing.apiId(), timing.apiId()) + " " + timing.httpMethod() + " "
                    + timing.path(), k -> new ArrayList<>()).add(timing.overheadMs());
        }
        Map<String, Double> p50 = new TreeMap<>();
        overheads.forEach((api, values) -> p50.put(api, Percentiles.median(values)));
        return p50;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The critical path most sampled rides took, with medians per hop. */
    record PathSummary(String rendering, int samples, int agreeing, List<StageMeasurement.PathHop> hops,
                       double snsLambdaDeliveriesPerRide) {

        static PathSummary of(List<Trace> traces, Map<String, InvocationRecord> invocations) {
            if (traces.isEmpty()) {
                return new PathSummary("(no traces were kept)", 0, 0, List.of(), 0);
            }
            List<CriticalPath> paths = traces.stream().map(t -> CriticalPath.of(t.spans())).toList();
            Map<String, List<CriticalPath>> byRendering = paths.stream()
                    .collect(Collectors.groupingBy(CriticalPath::rendering, LinkedHashMap::new, Collectors.toList()));
            List<CriticalPath> common = byRendering.values().stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
            int hopCount = common.getFirst().hopCount();
            List<StageMeasurement.PathHop> hops = new ArrayList<>();
            for (int i = 0; i < hopCount; i++) {
                int index = i;
                List<CriticalPath.Hop> samples = common.stream().filter(p -> p.hopCount() == hopCount)
                        .map(p -> p.hops().get(index)).toList();
                CriticalPath.Hop first = samples.getFirst();
                List<Double> own = samples.stream().map(hop -> ownMs(hop, invocations)).toList();
                hops.add(new StageMeasurement.PathHop(first.kind(), first.label(),
                        Percentiles.median(samples.stream().map(CriticalPath.Hop::durationMs).toList()),
                        Percentiles.median(own)));
            }
            double deliveries = traces.stream().mapToLong(t -> t.spans().stream()
                    .filter(s -> s.service().equals("SNS") && s.name().equals("Deliver") && s.detail().contains(" to lambda "))
                    .count()).average().orElse(0);
            return new PathSummary(common.getFirst().rendering(), traces.size(), common.size(), hops, deliveries);
        }

        /** A function's own work is its handler's REPORT Duration less the calls it waited for. */
        private static double ownMs(CriticalPath.Hop hop, Map<String, InvocationRecord> invocations) {
            if (hop.kind() == CriticalPath.Kind.FUNCTION) {
                InvocationRecord record = invocations.get(hop.requestId());
                if (record != null) {
                    return Math.max(0, record.durationMs() - hop.calleesMs());
                }
            }
            return hop.selfMs();
        }
    }
}
