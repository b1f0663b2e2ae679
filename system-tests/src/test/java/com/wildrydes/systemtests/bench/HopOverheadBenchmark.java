package com.wildrydes.systemtests.bench;

import com.wildrydes.workshop.compare.Percentiles;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.localcloud.LocalCloud;
import com.wildrydes.localcloud.apigateway.RequestTiming;
import com.wildrydes.localcloud.lambda.InvocationRecord;
import com.wildrydes.systemtests.bench.functions.HelloApi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one hop through local-cloud costs: the same tiny handler called in-process, then over HTTP
 * through local-cloud's API Gateway, a Lambda instance and its Runtime API. Both warm; the
 * difference of their medians is the hop. Local-cloud's own timings split it into its parts.
 */
final class HopOverheadBenchmark {

    static final String SECTION = "Per-hop overhead";
    static final Budget BUDGET = new Budget.MaxDifference(1.0, "ms");

    private final int warmup;
    private final int measured;

    HopOverheadBenchmark(int warmup, int measured) {
        this.warmup = warmup;
        this.measured = measured;
    }

    List<Result> run(LocalCloud cloud, String helloStack, String helloApiFunction) throws IOException, InterruptedException {
        double direct = Percentiles.median(direct());

        URI hello = URI.create(cloud.apiUrl(helloStack).orElseThrow(() -> new IllegalStateException(helloStack + " has no API")) + "/hello");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(hello).timeout(Duration.ofSeconds(10)).GET().build();
        for (int i = 0; i < warmup; i++) {
            call(http, request);
        }
        List<Double> client = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            call(http, request);
            client.add((System.nanoTime() - start) / 1e6);
        }
        // local-cloud keeps only the latest timings and invocations: the tail is the measured calls (or the last of them)
        List<RequestTiming> timings = latest(cloud.apiGateway().timings(), measured);
        List<Double> handler = latest(cloud.lambda().stats(helloApiFunction).orElseThrow().recent(), measured).stream()
                .filter(r -> !r.coldStart()).map(InvocationRecord::durationMs).toList();
        if (timings.isEmpty() || handler.isEmpty()) {
            throw new IllegalStateException("local-cloud recorded no timings of the measured calls");
        }

        double throughCloud = Percentiles.median(client);
        double apiTotal = Percentiles.median(timings.stream().map(RequestTiming::totalMs).toList());
        double apiOwn = Percentiles.median(timings.stream().map(RequestTiming::overheadMs).toList());
        double integration = Percentiles.median(timings.stream().map(RequestTiming::integrationMs).toList());
        double handlerMs = Percentiles.median(handler);
        String p95 = "p95 " + Numbers.format(Percentiles.percentile(client, 95)) + " ms, p99 " + Numbers.format(Percentiles.percentile(client, 99)) + " ms";
        return List.of(
                new Result(SECTION, "hello API, 1 hop (p50 of " + measured + " warm calls after " + warmup + ")",
                        "in-process handleRequest p50", direct, throughCloud, "ms", BUDGET,
                        "through local-cloud " + p95 + "; the difference is the cost of the hop"),
                part("edge HTTP server and client (call − API Gateway total, p50s)", throughCloud - apiTotal),
                part("API Gateway itself: routing, event, response mapping (p50)", apiOwn),
                part("Lambda invoke: Runtime API round trip and JSON (integration − REPORT Duration, p50s)", integration - handlerMs),
                part("handler REPORT Duration (p50)", handlerMs));
    }

    /** The handler called in the benchmark's JVM with the same fixture event, warm: the hop's baseline. */
    private List<Double> direct() throws IOException {
        Map<String, Object> event = new ObjectMapper().readValue(BenchEvents.load(BenchEvents.GET_HELLO), new TypeReference<>() {
        });
        HelloApi handler = new HelloApi();
        for (int i = 0; i < warmup; i++) {
            requireOk(handler.handleRequest(event, null));
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            Map<String, Object> response = handler.handleRequest(event, null);
            times.add((System.nanoTime() - start) / 1e6);
            requireOk(response);
        }
        return times;
    }

    static <T> List<T> latest(List<T> oldestFirst, int count) {
        return oldestFirst.subList(Math.max(0, oldestFirst.size() - count), oldestFirst.size());
    }

    private static void requireOk(Map<String, Object> response) {
        if (!Integer.valueOf(200).equals(response.get("statusCode"))) {
            throw new IllegalStateException("the hello handler answered " + response);
        }
    }

    private static void call(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static Result part(String subject, double ms) {
        return new Result(SECTION, "  of which " + subject, "-", Double.NaN, ms, "ms", new Budget.None(), "");
    }
}
