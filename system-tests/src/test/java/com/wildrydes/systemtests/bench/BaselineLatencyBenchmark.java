package com.wildrydes.systemtests.bench;

import com.wildrydes.localcloud.LocalCloud;
import com.wildrydes.localcloud.LocalCloudOptions;
import com.wildrydes.localcloud.apigateway.RequestTiming;
import com.wildrydes.localcloud.lambda.FunctionStats;
import com.wildrydes.localcloud.lambda.InvocationRecord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Deploys stage 00 on local-cloud and reports, for one run: each function's Init Duration, the
 * rider-facing latency of the first (cold) ride and of warm rides, and local-cloud's own cost per
 * hop (an API's time in local-cloud minus its function's REPORT Duration, p50).
 *
 * <p>Run from the repository root after {@code ./mvnw -B package}:
 * {@code ./mvnw -B -q -pl system-tests exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.wildrydes.systemtests.bench.BaselineLatencyBenchmark -Dexec.args=200}
 */
public final class BaselineLatencyBenchmark {

    private static final String RIDE = "{\"PickupLocation\":{\"Latitude\":47.6,\"Longitude\":-122.3}}";

    private BaselineLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rides = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path stage = Path.of("00-baseline").toAbsolutePath();
        HttpClient http = HttpClient.newHttpClient();
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.ephemeral())) {
            cloud.deployStage(stage);
            URI ride = URI.create(cloud.apiUrl("wild-rydes").orElseThrow() + "/ride");

            double cold = timeRide(http, ride);
            for (int i = 0; i < 20; i++) {
                timeRide(http, ride);
            }
            int warmupRequests = cloud.apiGateway().timings().size();
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < rides; i++) {
                warm.add(timeRide(http, ride));
            }

            System.out.printf("first (cold) ride: %.1f ms%n", cold);
            System.out.printf("warm ride over %d rides: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                    rides, percentile(warm, 50), percentile(warm, 95), percentile(warm, 99));
            Map<String, String> functionOfApi = Map.of(
                    cloud.apiUrl("wild-rydes").orElseThrow(), "wild-rydes-RequestRide",
                    cloud.apiUrl("wild-rydes-ride-fleet").orElseThrow(), "wild-rydes-ride-fleet-RequestUnicorn",
                    cloud.apiUrl("wild-rydes-ride-record").orElseThrow(), "wild-rydes-ride-record-PutRideRecord");
            List<RequestTiming> measured = cloud.apiGateway().timings().stream().skip(warmupRequests).toList();
            for (FunctionStats stats : cloud.lambda().stats()) {
                List<InvocationRecord> invocations = stats.recent();
                invocations.stream().filter(InvocationRecord::coldStart).findFirst().ifPresent(first ->
                        System.out.printf("%-40s Init Duration %.1f ms%n", stats.functionName(), first.initDurationMs()));
            }
            functionOfApi.forEach((baseUrl, function) -> {
                String apiId = baseUrl.split("/restapis/")[1].split("/")[0];
                List<Double> inLocalCloud = measured.stream().filter(t -> t.apiId().equals(apiId))
                        .map(RequestTiming::totalMs).toList();
                List<Double> handler = cloud.lambda().stats(function).orElseThrow().recent().stream()
                        .filter(r -> !r.coldStart()).map(InvocationRecord::durationMs).toList();
                System.out.printf("hop %-38s API Gateway round trip p50 %.2f ms - handler p50 %.2f ms = local-cloud overhead %.2f ms%n",
                        function, percentile(inLocalCloud, 50), percentile(handler, 50),
                        percentile(inLocalCloud, 50) - percentile(handler, 50));
            });
        }
    }

    private static double timeRide(HttpClient http, URI ride) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(ride)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RIDE)).build(), HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("ride failed: " + response.statusCode() + " " + response.body());
        }
        return ms;
    }

    private static double percentile(Collection<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().collect(Collectors.toList());
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
