package com.wildrydes.localcloud.apigateway;

import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.FunctionLogSink;
import com.wildrydes.localcloud.lambda.LambdaOptions;
import com.wildrydes.localcloud.lambda.LambdaService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A real function JVM behind a REST API: request in, v1 event through the runtime, response out. */
class ApiGatewayEndToEndTest {

    @TempDir
    static Path dir;
    static EdgeServer edge;
    static LambdaService lambda;
    static ApiGatewayService apiGateway;
    static RestApi api;

    @BeforeAll
    static void start() throws Exception {
        edge = EdgeServer.start("127.0.0.1", 0);
        lambda = new LambdaService("us-east-1", "000000000000", edge::url, (target, event, attributes) -> {
        }, LambdaOptions.defaults().withInitTimeout(Duration.ofSeconds(30)).withLogSink(FunctionLogSink.NONE));
        apiGateway = new ApiGatewayService(lambda, edge::url, "us-east-1", "000000000000");
        edge.register(lambda);
        edge.route(ApiGatewayService.PATH_PREFIX, apiGateway);
        lambda.createFunction(new FunctionConfig("Echo", TestFunctions.ECHO, "java21", TestFunctions.artifact(dir),
                256, 10, Map.of(), null, null));
        api = apiGateway.createRestApi("e2e0api001", "echo", "Prod");
        apiGateway.addRoute(api.apiId(), "ANY", "/unicorn/{name}", "Echo");
    }

    @AfterAll
    static void stop() {
        apiGateway.close();
        lambda.close();
        edge.close();
    }

    @Test
    void requestReachesTheFunctionAndItsResponseComesBack() throws Exception {
        String trace = "Root=1-6746e9a3-0123456789abcdef01234567;Sampled=1";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + "/unicorn/Shadowfax"))
                        .header("X-Amzn-Trace-Id", trace)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"ride\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("POST /unicorn/Shadowfax name=Shadowfax stage=Prod body={\"ride\":true}");
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain");
        // The runtime set the caller's trace header as the SDK's system property while the handler ran.
        assertThat(response.headers().firstValue("X-Trace-Seen")).contains(trace);
        assertThat(apiGateway.timings().getLast().integrationMs()).isPositive();
    }
}
