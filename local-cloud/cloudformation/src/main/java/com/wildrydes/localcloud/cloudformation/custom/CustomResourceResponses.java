package com.wildrydes.localcloud.cloudformation.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The ResponseURLs of custom resource requests in flight. In AWS a ResponseURL is a presigned S3
 * URL; here it is {@code <edge>/_localcloud/cloudformation/responses/<token>}, and a PUT to it
 * completes the request the engine is waiting on. Like S3, a valid PUT gets 200 with no body.
 */
public final class CustomResourceResponses {

    public static final String PATH_PREFIX = "/_localcloud/cloudformation/responses/";
    /** CloudFormation's limit on a response body. */
    static final int MAX_RESPONSE_BYTES = 4096;

    private record Pending(String stackId, String requestId, String logicalId, CompletableFuture<CustomResourceResponse> response) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Starts waiting for a response to one request; returns the token of its ResponseURL. */
    public String expect(String stackId, String requestId, String logicalId) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        pending.put(token, new Pending(stackId, requestId, logicalId, new CompletableFuture<>()));
        return token;
    }

    /**
     * Waits for the response; throws {@link TimeoutException} when none came in time and
     * {@link InvalidResponseException} when what came is not a valid response.
     */
    public CustomResourceResponse await(String token, Duration timeout) throws TimeoutException, InterruptedException {
        Pending request = pending.get(token);
        if (request == null) {
            throw new IllegalStateException("no request is waiting on token " + token);
        }
        try {
            return request.response().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (InvalidResponseException) e.getCause();
        } finally {
            pending.remove(token);
        }
    }

    /** Stops waiting on a token whose request was never sent. */
    public void cancel(String token) {
        pending.remove(token);
    }

    public HttpHandler handler() {
        return this::serve;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String token = path.startsWith(PATH_PREFIX) ? path.substring(PATH_PREFIX.length()) : "";
            Pending request = token.isEmpty() ? null : pending.get(token);
            if (!exchange.getRequestMethod().equals("PUT")) {
                reply(exchange, 405, "A ResponseURL takes PUT only", Map.of("Allow", "PUT"));
                return;
            }
            if (request == null) {
                reply(exchange, 404, "No custom resource request is waiting on this ResponseURL (it was answered already,"
                        + " timed out, or never existed)", Map.of());
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                CustomResourceResponse response = parse(body, request);
                if (request.response().complete(response)) {
                    EdgeServer.send(exchange, 200, null, new byte[0], Map.of());
                } else {
                    reply(exchange, 404, "This ResponseURL was answered already", Map.of());
                }
            } catch (InvalidResponseException e) {
                request.response().completeExceptionally(e);
                reply(exchange, 400, e.getMessage(), Map.of());
            }
        }
    }

    private static CustomResourceResponse parse(byte[] body, Pending request) {
        if (body.length > MAX_RESPONSE_BYTES) {
            throw new InvalidResponseException("Response object is too long: " + body.length + " bytes, and CloudFormation accepts "
                    + MAX_RESPONSE_BYTES);
        }
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (IOException e) {
            throw new InvalidResponseException("Invalid response object: the body is not JSON");
        }
        if (!json.isObject()) {
            throw new InvalidResponseException("Invalid response object: the body must be a JSON object");
        }
        String status = json.path("Status").asText("");
        if (!status.equals("SUCCESS") && !status.equals("FAILED")) {
            throw new InvalidResponseException("Invalid response object: Status must be SUCCESS or FAILED, not '" + status + "'");
        }
        expectEqual(json, "StackId", request.stackId());
        expectEqual(json, "RequestId", request.requestId());
        expectEqual(json, "LogicalResourceId", request.logicalId());
        String physicalId = json.path("PhysicalResourceId").asText("");
        if (status.equals("SUCCESS") && physicalId.isEmpty()) {
            throw new InvalidResponseException("Invalid response object: a SUCCESS response needs a PhysicalResourceId");
        }
        JsonNode data = json.path("Data");
        if (!data.isMissingNode() && !data.isNull() && !data.isObject()) {
            throw new InvalidResponseException("Invalid response object: Data must be a JSON object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (data.isObject()) {
            data.properties().forEach(e -> values.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : Json.MAPPER.convertValue(e.getValue(), Object.class)));
        }
        String reason = json.path("Reason").isTextual() ? json.path("Reason").asText() : null;
        return new CustomResourceResponse(status, reason, physicalId.isEmpty() ? null : physicalId, values);
    }

    private static void expectEqual(JsonNode json, String field, String expected) {
        String actual = json.path(field).asText("");
        if (!expected.equals(actual)) {
            throw new InvalidResponseException("Invalid response object: " + field + " must be the request's " + field + " ("
                    + expected + "), not '" + actual + "'");
        }
    }

    private static void reply(HttpExchange exchange, int status, String message, Map<String, String> headers) throws IOException {
        byte[] body = Json.bytes(Map.of("message", message));
        EdgeServer.send(exchange, status, "application/json", body, headers);
    }

    /** A PUT that is not a valid custom resource response. */
    public static final class InvalidResponseException extends RuntimeException {

        InvalidResponseException(String message) {
            super(message);
        }
    }
}
