package com.wildrydes.localcloud.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The v1 proxy event, compared field by field with what API Gateway sends. */
class ProxyEventTest {

    private static final Instant TIME = Instant.parse("2026-11-27T09:41:07.123Z");

    private static ProxyRequest request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        return new ProxyRequest(method, path, query, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                "127.0.0.1", "HTTP/1.1");
    }

    private static ProxyEvent.Context context(String template, Map<String, String> pathParameters) {
        Route route = new Route("POST", ResourcePath.parse(template), "RequestRide", "a1b2c3");
        return new ProxyEvent.Context("000000000000", "k2f9a8d1c3", "Prod", route, pathParameters,
                "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "K2f9aHk3oAMFr7g=", TIME, "127.0.0.1:4566");
    }

    @Test
    void postWithJsonBodyMatchesTheGoldenEvent() throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("*/*"));
        headers.put("Content-Type", List.of("application/json"));
        headers.put("User-Agent", List.of("curl/8.5.0"));
        headers.put("X-Amzn-Trace-Id", List.of("Root=1-6746e9a3-0123456789abcdef01234567"));

        ObjectNode event = ProxyEvent.build(
                request("POST", "/ride", null, headers, "{\"PickupLocation\":{\"Latitude\":47.6,\"Longitude\":-122.3}}"),
                context("/ride", Map.of()));

        JsonNode golden = Json.MAPPER.readTree("""
                {
                  "resource": "/ride",
                  "path": "/ride",
                  "httpMethod": "POST",
                  "headers": {
                    "Accept": "*/*",
                    "Content-Type": "application/json",
                    "User-Agent": "curl/8.5.0",
                    "X-Amzn-Trace-Id": "Root=1-6746e9a3-0123456789abcdef01234567"
                  },
                  "multiValueHeaders": {
                    "Accept": ["*/*"],
                    "Content-Type": ["application/json"],
                    "User-Agent": ["curl/8.5.0"],
                    "X-Amzn-Trace-Id": ["Root=1-6746e9a3-0123456789abcdef01234567"]
                  },
                  "queryStringParameters": null,
                  "multiValueQueryStringParameters": null,
                  "pathParameters": null,
                  "stageVariables": null,
                  "requestContext": {
                    "resourceId": "a1b2c3",
                    "resourcePath": "/ride",
                    "httpMethod": "POST",
                    "extendedRequestId": "K2f9aHk3oAMFr7g=",
                    "requestTime": "27/Nov/2026:09:41:07 +0000",
                    "path": "/Prod/ride",
                    "accountId": "000000000000",
                    "protocol": "HTTP/1.1",
                    "stage": "Prod",
                    "domainPrefix": "k2f9a8d1c3",
                    "requestTimeEpoch": 1795772467123,
                    "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
                    "identity": {
                      "cognitoIdentityPoolId": null,
                      "accountId": null,
                      "cognitoIdentityId": null,
                      "caller": null,
                      "sourceIp": "127.0.0.1",
                      "principalOrgId": null,
                      "accessKey": null,
                      "cognitoAuthenticationType": null,
                      "cognitoAuthenticationProvider": null,
                      "userArn": null,
                      "userAgent": "curl/8.5.0",
                      "user": null
                    },
                    "domainName": "127.0.0.1:4566",
                    "apiId": "k2f9a8d1c3"
                  },
                  "body": "{\\"PickupLocation\\":{\\"Latitude\\":47.6,\\"Longitude\\":-122.3}}",
                  "isBase64Encoded": false
                }""");
        assertThat(event).isEqualTo(golden);
        assertThat(fieldNames(event)).isEqualTo(fieldNames(golden));
    }

    @Test
    void getWithPathAndQueryParametersMatchesTheGoldenEvent() throws Exception {
        ObjectNode event = ProxyEvent.build(
                request("GET", "/unicorn/Shadowfax", "color=white&tag=fast&tag=calm&flag&q=a%20b%26c", Map.of(), null),
                context("/unicorn/{name}", Map.of("name", "Shadowfax")));

        assertThat(event.get("resource").asText()).isEqualTo("/unicorn/{name}");
        assertThat(event.get("path").asText()).isEqualTo("/unicorn/Shadowfax");
        assertThat(event.get("headers").isNull()).isTrue();
        assertThat(event.get("multiValueHeaders").isNull()).isTrue();
        assertThat(event.get("queryStringParameters")).isEqualTo(Json.MAPPER.readTree(
                "{\"color\":\"white\",\"tag\":\"calm\",\"flag\":\"\",\"q\":\"a b&c\"}"));
        assertThat(event.get("multiValueQueryStringParameters")).isEqualTo(Json.MAPPER.readTree(
                "{\"color\":[\"white\"],\"tag\":[\"fast\",\"calm\"],\"flag\":[\"\"],\"q\":[\"a b&c\"]}"));
        assertThat(event.get("pathParameters")).isEqualTo(Json.MAPPER.readTree("{\"name\":\"Shadowfax\"}"));
        assertThat(event.get("requestContext").get("path").asText()).isEqualTo("/Prod/unicorn/Shadowfax");
        assertThat(event.get("requestContext").get("identity").get("userAgent").isNull()).isTrue();
        assertThat(event.get("body").isNull()).isTrue();
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void binaryBodiesAreBase64Encoded() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        ProxyRequest request = new ProxyRequest("PUT", "/photo", null, Map.of("Content-Type", List.of("image/png")), png,
                "127.0.0.1", "HTTP/1.1");

        ObjectNode event = ProxyEvent.build(request, context("/photo", Map.of()));

        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(event.get("body").asText()).isEqualTo("iVBORwABAg==");
        assertThat(ProxyEvent.isText("application/json; charset=utf-8")).isTrue();
        assertThat(ProxyEvent.isText("application/vnd.api+json")).isTrue();
        assertThat(ProxyEvent.isText("application/octet-stream")).isFalse();
    }

    /**
     * Our event, read by aws-lambda-java-tests' EventLoader (the events library's own serializers),
     * fills every field of APIGatewayProxyRequestEvent that its REST fixture has.
     */
    @Test
    void eventLoaderReadsTheEventIntoTheEventsClass(@TempDir Path dir) throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("User-Agent", List.of("Wild Rydes"));
        headers.put("X-Custom", List.of("one", "two"));
        ObjectNode event = ProxyEvent.build(
                request("POST", "/unicorn/Rocinante/ride", "fast=yes&fast=no", headers, "{\"a\":1}"),
                context("/unicorn/{name}/ride", Map.of("name", "Rocinante")));
        Path file = dir.resolve("event.json");
        Files.write(file, Json.bytes(event));

        APIGatewayProxyRequestEvent loaded = EventLoader.loadApiGatewayRestEvent(file.toString());

        assertThat(loaded.getResource()).isEqualTo("/unicorn/{name}/ride");
        assertThat(loaded.getPath()).isEqualTo("/unicorn/Rocinante/ride");
        assertThat(loaded.getHttpMethod()).isEqualTo("POST");
        assertThat(loaded.getHeaders()).containsEntry("X-Custom", "two").containsEntry("User-Agent", "Wild Rydes");
        assertThat(loaded.getMultiValueHeaders()).containsEntry("X-Custom", List.of("one", "two"));
        assertThat(loaded.getQueryStringParameters()).containsEntry("fast", "no");
        assertThat(loaded.getMultiValueQueryStringParameters()).containsEntry("fast", List.of("yes", "no"));
        assertThat(loaded.getPathParameters()).containsEntry("name", "Rocinante");
        assertThat(loaded.getStageVariables()).isNull();
        assertThat(loaded.getBody()).isEqualTo("{\"a\":1}");
        assertThat(loaded.getIsBase64Encoded()).isFalse();
        APIGatewayProxyRequestEvent.ProxyRequestContext rc = loaded.getRequestContext();
        assertThat(rc.getAccountId()).isEqualTo("000000000000");
        assertThat(rc.getApiId()).isEqualTo("k2f9a8d1c3");
        assertThat(rc.getResourceId()).isEqualTo("a1b2c3");
        assertThat(rc.getResourcePath()).isEqualTo("/unicorn/{name}/ride");
        assertThat(rc.getHttpMethod()).isEqualTo("POST");
        assertThat(rc.getRequestId()).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        assertThat(rc.getExtendedRequestId()).isEqualTo("K2f9aHk3oAMFr7g=");
        assertThat(rc.getStage()).isEqualTo("Prod");
        assertThat(rc.getPath()).isEqualTo("/Prod/unicorn/Rocinante/ride");
        assertThat(rc.getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(rc.getRequestTime()).isEqualTo("27/Nov/2026:09:41:07 +0000");
        assertThat(rc.getRequestTimeEpoch()).isEqualTo(TIME.toEpochMilli());
        assertThat(rc.getDomainName()).isEqualTo("127.0.0.1:4566");
        assertThat(rc.getDomainPrefix()).isEqualTo("k2f9a8d1c3");
        assertThat(rc.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(rc.getIdentity().getUserAgent()).isEqualTo("Wild Rydes");
    }

    /** The top-level and requestContext fields of the events library's REST fixture (apigw_rest_event.json). */
    @Test
    void eventHasEveryFieldOfTheRestFixtureShape() {
        ObjectNode event = ProxyEvent.build(request("GET", "/", null, Map.of(), null), context("/", Map.of()));

        assertThat(fieldNames(event)).containsAll(List.of("resource", "path", "httpMethod", "headers", "multiValueHeaders",
                "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables",
                "requestContext", "body", "isBase64Encoded"));
        assertThat(fieldNames((ObjectNode) event.get("requestContext"))).containsAll(List.of("accountId", "apiId",
                "domainName", "domainPrefix", "extendedRequestId", "httpMethod", "identity", "path", "protocol",
                "requestId", "requestTime", "requestTimeEpoch", "resourceId", "resourcePath", "stage"));
        assertThat(fieldNames((ObjectNode) event.get("requestContext").get("identity"))).containsAll(List.of("accessKey",
                "accountId", "caller", "cognitoAuthenticationProvider", "cognitoAuthenticationType", "cognitoIdentityId",
                "cognitoIdentityPoolId", "principalOrgId", "sourceIp", "user", "userAgent", "userArn"));
        assertThat(event.get("requestContext").get("path").asText()).isEqualTo("/Prod/");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
