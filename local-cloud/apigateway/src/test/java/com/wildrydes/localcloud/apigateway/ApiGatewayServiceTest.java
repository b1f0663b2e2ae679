package com.wildrydes.localcloud.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** API Gateway on a real edge endpoint, with functions faked behind LambdaControl. */
class ApiGatewayServiceTest {

    private static final String OK = "{\"statusCode\":200,\"body\":\"%s\"}";

    private EdgeServer edge;
    private FakeLambda lambda;
    private ApiGatewayService apiGateway;
    private RestApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        edge = EdgeServer.start("127.0.0.1", 0);
        lambda = new FakeLambda();
        apiGateway = new ApiGatewayService(lambda, edge::url, "us-east-1", "000000000000", Duration.ofMillis(500));
        edge.route(ApiGatewayService.PATH_PREFIX, apiGateway);
        api = apiGateway.createRestApi("k2f9a8d1c3", "wild-rydes", "Prod");
    }

    @AfterEach
    void stop() {
        apiGateway.close();
        edge.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode lastEvent(String function) throws Exception {
        return Json.MAPPER.readTree(lambda.lastCall(function).event());
    }

    @Test
    void restApiUrlFollowsTheDocumentedScheme() {
        assertThat(api.baseUrl()).isEqualTo(edge.url() + "/restapis/k2f9a8d1c3/Prod");
        assertThat(apiGateway.apis()).containsExactly(api);
    }

    @Test
    void routesByPathAndMethodToTheMostSpecificResource() throws Exception {
        apiGateway.addRoute(api.apiId(), "POST", "/ride", "RequestRide");
        apiGateway.addRoute(api.apiId(), "GET", "/unicorn/{name}", "GetUnicorn");
        apiGateway.addRoute(api.apiId(), "GET", "/unicorn/golden", "GetGolden");
        apiGateway.addRoute(api.apiId(), "ANY", "/{proxy+}", "CatchAll");
        apiGateway.addRoute(api.apiId(), "DELETE", "/{proxy+}", "DeleteAnything");
        for (String name : List.of("RequestRide", "GetUnicorn", "GetGolden", "CatchAll", "DeleteAnything")) {
            lambda.answer(name, event -> OK.formatted(name));
        }

        assertThat(send("POST", "/ride", "{}").body()).isEqualTo("RequestRide");
        assertThat(send("GET", "/unicorn/Shadowfax", null).body()).isEqualTo("GetUnicorn");
        assertThat(send("GET", "/unicorn/golden", null).body()).isEqualTo("GetGolden");
        assertThat(send("GET", "/ride", null).body()).isEqualTo("CatchAll");
        assertThat(send("PATCH", "/a/b/c", "x").body()).isEqualTo("CatchAll");
        assertThat(send("DELETE", "/a/b/c", null).body()).isEqualTo("DeleteAnything");

        assertThat(lastEvent("GetUnicorn").get("pathParameters").get("name").asText()).isEqualTo("Shadowfax");
        assertThat(lastEvent("CatchAll").get("pathParameters").get("proxy").asText()).isEqualTo("a/b/c");
        assertThat(lastEvent("CatchAll").get("resource").asText()).isEqualTo("/{proxy+}");
    }

    @Test
    void noMatchingRouteIsMissingAuthenticationToken() throws Exception {
        apiGateway.addRoute(api.apiId(), "POST", "/ride", "RequestRide");

        HttpResponse<String> wrongMethod = send("GET", "/ride", null);
        HttpResponse<String> wrongPath = send("POST", "/rides", "{}");

        for (HttpResponse<String> response : List.of(wrongMethod, wrongPath)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        }
        assertThat(lambda.lastCall("RequestRide")).isNull();
    }

    @Test
    void unknownApiAndStageAreExplained() throws Exception {
        HttpResponse<String> unknownApi = http.send(HttpRequest.newBuilder(URI.create(edge.url() + "/restapis/nope/Prod/ride")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknownStage = http.send(HttpRequest.newBuilder(URI.create(edge.url() + "/restapis/k2f9a8d1c3/Dev/ride")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknownApi.statusCode()).isEqualTo(404);
        assertThat(unknownApi.body()).contains("no REST API 'nope'", "k2f9a8d1c3 (wild-rydes)");
        assertThat(unknownStage.statusCode()).isEqualTo(403);
        assertThat(unknownStage.body()).contains("has no stage 'Dev'", "Prod");
    }

    @Test
    void eventCarriesTheRequestAndAGeneratedTraceHeader() throws Exception {
        apiGateway.addRoute(api.apiId(), "POST", "/ride", "RequestRide");
        lambda.answer("RequestRide", event -> OK.formatted("ok"));

        HttpResponse<String> response = send("POST", "/ride?fast=true", "{\"PickupLocation\":{}}",
                "Content-Type", "application/json", "X-Rider", "a", "X-Rider", "b");

        String trace = response.headers().firstValue("X-Amzn-Trace-Id").orElseThrow();
        assertThat(trace).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
        assertThat(lambda.lastCall("RequestRide").traceHeader()).isEqualTo(trace);
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();

        JsonNode event = lastEvent("RequestRide");
        assertThat(event.get("httpMethod").asText()).isEqualTo("POST");
        assertThat(event.get("path").asText()).isEqualTo("/ride");
        assertThat(event.get("body").asText()).isEqualTo("{\"PickupLocation\":{}}");
        assertThat(event.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
        assertThat(event.get("headers").get("X-Amzn-Trace-Id").asText()).isEqualTo(trace);
        assertThat(event.get("headers").get("X-Forwarded-For").asText()).isEqualTo("127.0.0.1");
        assertThat(event.get("headers").get("X-Forwarded-Port").asText()).isEqualTo(Integer.toString(edge.port()));
        assertThat(event.get("multiValueHeaders").get("X-Rider")).hasSize(2);
        assertThat(event.get("queryStringParameters").get("fast").asText()).isEqualTo("true");
        assertThat(event.get("requestContext").get("requestId").asText()).isEqualTo(requestId);
        assertThat(event.get("requestContext").get("path").asText()).isEqualTo("/Prod/ride");
        assertThat(event.get("requestContext").get("stage").asText()).isEqualTo("Prod");
        assertThat(event.get("requestContext").get("identity").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(event.get("requestContext").get("extendedRequestId").asText())
                .isEqualTo(response.headers().firstValue("x-amz-apigw-id").orElseThrow());
    }

    @Test
    void incomingTraceHeaderIsKept() throws Exception {
        apiGateway.addRoute(api.apiId(), "GET", "/unicorn", "GetUnicorn");
        lambda.answer("GetUnicorn", event -> OK.formatted("ok"));
        String trace = "Root=1-6746e9a3-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1";

        HttpResponse<String> response = send("GET", "/unicorn", null, "X-Amzn-Trace-Id", trace);

        assertThat(lambda.lastCall("GetUnicorn").traceHeader()).isEqualTo(trace);
        assertThat(response.headers().firstValue("X-Amzn-Trace-Id")).contains(trace);
    }

    @Test
    void proxyResponseIsMappedOntoHttp() throws Exception {
        apiGateway.addRoute(api.apiId(), "POST", "/ride", "RequestRide");
        lambda.answer("RequestRide", event -> """
                {"statusCode":201,"headers":{"Content-Type":"application/json","Location":"/ride/1"},
                 "multiValueHeaders":{"Set-Cookie":["a=1","b=2"]},"body":"{\\"RideId\\":\\"1\\"}"}""");
        apiGateway.addRoute(api.apiId(), "GET", "/plain", "Plain");
        lambda.answer("Plain", event -> "{\"statusCode\":204}");

        HttpResponse<String> created = send("POST", "/ride", "{}");
        HttpResponse<String> empty = send("GET", "/plain", null);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"RideId\":\"1\"}");
        assertThat(created.headers().firstValue("Location")).contains("/ride/1");
        assertThat(created.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(empty.statusCode()).isEqualTo(204);
        assertThat(empty.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void binaryResponseBodyIsDecoded() throws Exception {
        apiGateway.addRoute(api.apiId(), "GET", "/photo", "Photo");
        lambda.answer("Photo", event -> "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"image/png\"},\"body\":\"iVBORwABAg==\",\"isBase64Encoded\":true}");

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/photo")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.body()).containsExactly(0x89, 'P', 'N', 'G', 0, 1, 2);
    }

    @Test
    void functionErrorAndMalformedResponseAre502() throws Exception {
        apiGateway.addRoute(api.apiId(), "POST", "/ride", "RequestRide");
        lambda.fail("RequestRide", "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}");
        apiGateway.addRoute(api.apiId(), "GET", "/malformed", "Malformed");
        lambda.answer("Malformed", event -> "{\"statusCode\":200,\"body\":{\"not\":\"a string\"}}");

        for (HttpResponse<String> response : List.of(send("POST", "/ride", "{}"), send("GET", "/malformed", null))) {
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
            assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        }
    }

    @Test
    void slowIntegrationIs504() throws Exception {
        apiGateway.addRoute(api.apiId(), "GET", "/slow", "Slow");
        lambda.answer("Slow", event -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return OK.formatted("late");
        });

        long start = System.nanoTime();
        HttpResponse<String> response = send("GET", "/slow", null);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_900));
    }

    @Test
    void missingFunctionIs500() throws Exception {
        apiGateway.addRoute(api.apiId(), "GET", "/gone", "Deleted");

        HttpResponse<String> response = send("GET", "/gone", null);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
    }

    @Test
    void timingsSplitIntegrationFromOverhead() throws Exception {
        apiGateway.addRoute(api.apiId(), "GET", "/unicorn", "GetUnicorn");
        lambda.answer("GetUnicorn", event -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return OK.formatted("ok");
        });

        HttpResponse<String> response = send("GET", "/unicorn", null);

        RequestTiming timing = apiGateway.timings().getLast();
        assertThat(timing.requestId()).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertThat(timing.status()).isEqualTo(200);
        assertThat(timing.path()).isEqualTo("/unicorn");
        assertThat(timing.integrationMs()).isGreaterThanOrEqualTo(50);
        assertThat(timing.totalMs()).isGreaterThanOrEqualTo(timing.integrationMs());
        assertThat(timing.overheadMs()).isNotNegative();
    }

    @Test
    void pathSegmentsAreDecoded() throws Exception {
        apiGateway.addRoute(api.apiId(), "GET", "/unicorn/{name}", "GetUnicorn");
        lambda.answer("GetUnicorn", event -> OK.formatted("ok"));

        send("GET", "/unicorn/Silver%20Blaze", null);

        JsonNode event = lastEvent("GetUnicorn");
        assertThat(event.get("pathParameters").get("name").asText()).isEqualTo("Silver Blaze");
        assertThat(event.get("path").asText()).isEqualTo("/unicorn/Silver Blaze");
    }
}
