package com.wildrydes.localcloud.cloudformation.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A custom resource's function as it behaves in Lambda: it receives CloudFormation's event and PUTs
 * its response to the event's ResponseURL over HTTP.
 */
public final class CustomResourceFunction implements BiConsumer<String, byte[]> {

    /** What to answer; {@code null} from the behaviour means never answering. */
    public record Reply(String status, String reason, String physicalResourceId, Map<String, Object> data) {

        public static Reply success(String physicalResourceId, Map<String, Object> data) {
            return new Reply("SUCCESS", null, physicalResourceId, data);
        }

        public static Reply failed(String reason) {
            return new Reply("FAILED", reason, "failed-resource", Map.of());
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public final List<JsonNode> events = new CopyOnWriteArrayList<>();
    public final List<Integer> responseStatuses = new CopyOnWriteArrayList<>();
    private volatile Function<JsonNode, Reply> behaviour = event ->
            Reply.success(event.path("PhysicalResourceId").asText("resource-1"), Map.of());

    public void behave(Function<JsonNode, Reply> behaviour) {
        this.behaviour = behaviour;
    }

    @Override
    public void accept(String function, byte[] payload) {
        try {
            JsonNode event = Json.parse(payload);
            events.add(event);
            Reply reply = behaviour.apply(event);
            if (reply == null) {
                return;
            }
            ObjectNode body = Json.object();
            body.put("Status", reply.status());
            if (reply.reason() != null) {
                body.put("Reason", reply.reason());
            }
            body.put("PhysicalResourceId", reply.physicalResourceId());
            body.put("StackId", event.path("StackId").asText());
            body.put("RequestId", event.path("RequestId").asText());
            body.put("LogicalResourceId", event.path("LogicalResourceId").asText());
            body.set("Data", Json.MAPPER.valueToTree(reply.data()));
            responseStatuses.add(put(event.path("ResponseURL").asText(), Json.bytes(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PUTs a body to a ResponseURL the way a function does; returns the status code. */
    public int put(String url, byte[] body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP statuses of the PUTs so far, once at least {@code count} have completed (waits at most 5 s). */
    public List<Integer> responseStatuses(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (responseStatuses.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return List.copyOf(responseStatuses);
    }

    public List<String> requestTypes() {
        return events.stream().map(e -> e.path("RequestType").asText() + " " + e.path("LogicalResourceId").asText()).toList();
    }
}
