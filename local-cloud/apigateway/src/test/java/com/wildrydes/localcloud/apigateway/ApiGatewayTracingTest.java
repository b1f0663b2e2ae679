package com.wildrydes.localcloud.apigateway;

import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.trace.RecentTraces;
import com.wildrydes.localcloud.trace.Span;
import com.wildrydes.localcloud.trace.Trace;
import com.wildrydes.localcloud.trace.TraceHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every API request is a span of its trace, whether the caller sent the trace header or API Gateway made one. */
class ApiGatewayTracingTest {

    private static final String ROOT = "1-6763a2f1-0123456789abcdef01234567";

    private final RecentTraces traces = new RecentTraces();
    private final HttpClient http = HttpClient.newHttpClient();
    private EdgeServer edge;
    private FakeLambda lambda;
    private ApiGatewayService apiGateway;
    private RestApi api;

    @BeforeEach
    void start() throws Exception {
        edge = EdgeServer.start("127.0.0.1", 0);
        lambda = new FakeLambda();
        apiGateway = new ApiGatewayService(lambda, edge::url, "us-east-1", "000000000000", Duration.ofSeconds(5), traces);
        edge.route(ApiGatewayService.PATH_PREFIX, apiGateway);
        api = apiGateway.createRestApi("k2f9a8d1c3", "wild-rydes", "Prod");
        apiGateway.addRoute(api.apiId(), "POST", "/ride", "RequestRide");
    }

    @AfterEach
    void stop() {
        apiGateway.close();
        edge.close();
    }

    private HttpResponse<String> post(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestCarryingATraceHeaderIsAHopOfThatTraceAndPassesItToTheFunction() throws Exception {
        lambda.answer("RequestRide", event -> "{\"statusCode\":201,\"body\":\"{}\"}");

        HttpResponse<String> response = post("/ride", "X-Amzn-Trace-Id", "Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(lambda.lastCall("RequestRide").traceHeader()).contains(ROOT);
        Span span = awaitTrace(ROOT).orElseThrow().spans().getFirst();
        assertThat(span.service()).isEqualTo("API Gateway");
        assertThat(span.name()).isEqualTo("POST /ride");
        assertThat(span.detail()).isEqualTo("wild-rydes (k2f9a8d1c3)");
        assertThat(span.status()).isEqualTo("201");
        assertThat(span.failed()).isFalse();
        assertThat(span.coldStart()).isFalse();
    }

    @Test
    void aRequestWithoutOneIsTracedUnderTheIdItsResponseCarries() throws Exception {
        lambda.answer("RequestRide", event -> "{\"statusCode\":201,\"body\":\"{}\"}");

        HttpResponse<String> response = post("/ride");

        String root = TraceHeaders.root(response.headers().firstValue("X-Amzn-Trace-Id").orElseThrow()).orElseThrow();
        assertThat(awaitTrace(root)).hasValueSatisfying(trace ->
                assertThat(trace.spans()).extracting(Span::name).containsExactly("POST /ride"));
    }

    @Test
    void aFailingFunctionOrAnUnknownRouteIsAFailedHop() throws Exception {
        lambda.fail("RequestRide", "{\"errorMessage\":\"boom\"}");
        String failing = "1-6763a2f1-000000000000000000000502";
        String unknown = "1-6763a2f1-000000000000000000000403";

        assertThat(post("/ride", "X-Amzn-Trace-Id", "Root=" + failing).statusCode()).isEqualTo(502);
        assertThat(post("/nowhere", "X-Amzn-Trace-Id", "Root=" + unknown).statusCode()).isEqualTo(403);

        assertThat(awaitTrace(failing).orElseThrow().spans().getFirst())
                .extracting(Span::status, Span::failed).containsExactly("502", true);
        assertThat(awaitTrace(unknown).orElseThrow().spans().getFirst())
                .extracting(Span::name, Span::status, Span::failed).containsExactly("POST /nowhere", "403", true);
    }

    /** The span is recorded once the response is sent, so it may land just after the caller has its answer. */
    private Optional<Trace> awaitTrace(String root) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (traces.trace(root).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return traces.trace(root);
    }
}
