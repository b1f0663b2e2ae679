package com.wildrydes.localcloud.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeServerTest {

    private static final String SIGNED_FOR_ECHO =
            "AWS4-HMAC-SHA256 Credential=KEY1/20261127/us-east-1/echo/aws4_request, SignedHeaders=host, Signature=00";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AwsRequest> served = new CopyOnWriteArrayList<>();
    private EdgeServer edge;

    @BeforeEach
    void start() throws Exception {
        edge = EdgeServer.start("127.0.0.1", 0);
        edge.register(new AwsService() {
            @Override
            public String signingName() {
                return "echo";
            }

            @Override
            public AwsResponse handle(AwsRequest request) {
                served.add(request);
                return AwsResponse.of(200, "text/plain", request.service() + " " + request.accessKeyId() + " " + new String(request.body(), StandardCharsets.UTF_8));
            }
        });
        edge.route("/local/", exchange -> EdgeServer.send(exchange, 200, "text/plain", "short".getBytes(StandardCharsets.UTF_8), Map.of()));
        edge.route("/local/longer/", exchange -> EdgeServer.send(exchange, 200, "text/plain", "long".getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void aSignedRequestGoesToTheServiceItsCredentialScopeNames() throws Exception {
        HttpResponse<String> response = send(signed("/", "hello"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("echo KEY1 hello");
        assertThat(edge.url()).startsWith("http://127.0.0.1:");
    }

    @Test
    void aServiceLocalCloudDoesNotServeIsRefusedWithTheListOfThoseItDoes() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(edge.url() + "/"))
                .header("Authorization", SIGNED_FOR_ECHO.replace("/echo/", "/kinesis/"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("does not serve the AWS service 'kinesis'").contains("it serves: echo");
    }

    @Test
    void anUnsignedRequestGoesToTheLongestMatchingLocalRouteOrIsRefusedAsAwsRefusesIt() throws Exception {
        assertThat(send(get("/local/x")).body()).isEqualTo("short");
        assertThat(send(get("/local/longer/x")).body()).isEqualTo("long");

        HttpResponse<String> unsigned = send(HttpRequest.newBuilder(URI.create(edge.url() + "/"))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("Missing Authentication Token");
        assertThat(served).isEmpty();
    }

    @Test
    void theAuthorizerCanRefuseACallBeforeTheServiceSeesItAndObserversSeeEveryCall() throws Exception {
        List<Integer> observed = new CopyOnWriteArrayList<>();
        edge.observe((request, response, start, end) -> observed.add(response.status()));
        edge.authorizer(request -> request.accessKeyId().equals("KEY2")
                ? Optional.of(AwsResponse.of(403, "application/json", "{\"message\":\"denied\"}"))
                : Optional.empty());

        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(edge.url() + "/"))
                .header("Authorization", SIGNED_FOR_ECHO.replace("KEY1", "KEY2"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        HttpResponse<String> allowed = send(signed("/", "y"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(served).extracting(AwsRequest::accessKeyId).containsExactly("KEY1");
        assertThat(observed).containsExactly(403, 200);
    }

    private HttpRequest signed(String path, String body) {
        return HttpRequest.newBuilder(URI.create(edge.url() + path))
                .header("Authorization", SIGNED_FOR_ECHO)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(edge.url() + path)).GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
