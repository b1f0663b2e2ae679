package com.wildrydes.localcloud.apigateway;

import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.FunctionLogSink;
import com.wildrydes.localcloud.lambda.FunctionStats;
import com.wildrydes.localcloud.lambda.InvocationRecord;
import com.wildrydes.localcloud.lambda.LambdaOptions;
import com.wildrydes.localcloud.lambda.LambdaService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures what each hop costs with a trivial function (not a test: run it by hand).
 * Prints the cold start's Init Duration, the warm {@code invoke(...)} round trip, and API
 * Gateway's overhead: the HTTP round trip minus the handler's own duration.
 */
public final class HopOverheadMeasurement {

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("hop-overhead");
        try (EdgeServer edge = EdgeServer.start("127.0.0.1", 0);
             LambdaService lambda = new LambdaService("us-east-1", "000000000000", edge::url, (t, e, a) -> {
             }, LambdaOptions.defaults().withLogSink(FunctionLogSink.NONE));
             ApiGatewayService apiGateway = new ApiGatewayService(lambda, edge::url, "us-east-1", "000000000000")) {
            edge.register(lambda);
            edge.route(ApiGatewayService.PATH_PREFIX, apiGateway);
            lambda.createFunction(new FunctionConfig("Echo", TestFunctions.ECHO, "java21", TestFunctions.artifact(dir),
                    512, 10, Map.of(), null, null));
            lambda.createFunction(new FunctionConfig("Hello", TestFunctions.HELLO, "java21", TestFunctions.artifact(dir),
                    512, 10, Map.of(), null, null));
            List<Double> helloInits = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                lambda.invoke("Hello", "{\"name\":\"Shadowfax\"}".getBytes(StandardCharsets.UTF_8));
                helloInits.add(lambda.stats("Hello").orElseThrow().recent().getLast().initDurationMs());
                lambda.deleteFunction("Hello");
                lambda.createFunction(new FunctionConfig("Hello", TestFunctions.HELLO, "java21", TestFunctions.artifact(dir),
                        512, 10, Map.of(), null, null));
            }
            RestApi api = apiGateway.createRestApi("measure001", "measure", "Prod");
            apiGateway.addRoute(api.apiId(), "GET", "/unicorn/{name}", "Echo");

            byte[] event = "{\"httpMethod\":\"GET\",\"path\":\"/x\",\"requestContext\":{\"stage\":\"Prod\"}}".getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            lambda.invoke("Echo", event);
            double coldRoundTrip = (System.nanoTime() - t0) / 1e6;
            InvocationRecord cold = lambda.stats("Echo").orElseThrow().recent().getFirst();

            List<Double> invokeRoundTrips = new ArrayList<>();
            List<Double> handlerDurations = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                lambda.invoke("Echo", event);
                invokeRoundTrips.add((System.nanoTime() - start) / 1e6);
                handlerDurations.add(lambda.stats("Echo").orElseThrow().recent().getLast().durationMs());
            }

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/unicorn/Shadowfax")).build();
            List<Double> apiOverheads = new ArrayList<>();
            List<Double> gatewayOnly = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                double roundTrip = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("unexpected " + response.statusCode() + ": " + response.body());
                }
                FunctionStats stats = lambda.stats("Echo").orElseThrow();
                apiOverheads.add(roundTrip - stats.recent().getLast().durationMs());
                gatewayOnly.add(apiGateway.timings().getLast().overheadMs());
            }

            System.out.printf(Locale.ROOT, "hello-world cold start over 5 fresh functions: Init Duration p50 %.1f ms (min %.1f ms)%n",
                    percentile(helloInits, 50), Collections.min(helloInits));
            System.out.printf(Locale.ROOT, "API Gateway event function cold start: Init Duration %.1f ms, first invoke round trip %.1f ms (handler %.2f ms)%n",
                    cold.initDurationMs(), coldRoundTrip, cold.durationMs());
            System.out.printf(Locale.ROOT, "warm invoke(...) round trip over %d calls: p50 %.3f ms, p90 %.3f ms%n",
                    calls, percentile(invokeRoundTrips, 50), percentile(invokeRoundTrips, 90));
            System.out.printf(Locale.ROOT, "  of which the REPORT Duration (event handed out to result posted): p50 %.3f ms%n",
                    percentile(handlerDurations, 50));
            System.out.printf(Locale.ROOT, "API Gateway HTTP round trip minus handler duration: p50 %.3f ms, p90 %.3f ms%n",
                    percentile(apiOverheads, 50), percentile(apiOverheads, 90));
            System.out.printf(Locale.ROOT, "  of which inside API Gateway (routing, event, response): p50 %.3f ms%n",
                    percentile(gatewayOnly, 50));
        }
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private HopOverheadMeasurement() {
    }
}
