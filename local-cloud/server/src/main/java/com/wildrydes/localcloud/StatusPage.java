package com.wildrydes.localcloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.wildrydes.localcloud.apigateway.RestApi;
import com.wildrydes.localcloud.cloudformation.Stack;
import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.lambda.FunctionStats;
import com.wildrydes.localcloud.sns.TopicView;
import com.wildrydes.localcloud.sqs.QueueDepth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What is running: {@code /_localcloud/status.json} for tools and tests, and {@code /_localcloud/}
 * as a page that renders it, for people.
 */
final class StatusPage implements HttpHandler {

    private final LocalCloud cloud;

    StatusPage(LocalCloud cloud) {
        this.cloud = cloud;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(LocalCloud.CONSOLE_PATH + "status.json")) {
            EdgeServer.send(exchange, 200, "application/json", Json.bytes(status()), Map.of("Cache-Control", "no-store"));
        } else if (path.equals(LocalCloud.CONSOLE_PATH) || path.equals(LocalCloud.CONSOLE_PATH + "index.html")) {
            EdgeServer.send(exchange, 200, "text/html; charset=utf-8", page(), Map.of("Cache-Control", "no-store"));
        } else {
            EdgeServer.send(exchange, 404, "application/json",
                    "{\"message\":\"no such page; try /_localcloud/ or /_localcloud/status.json\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    ObjectNode status() {
        ObjectNode status = Json.object();
        status.put("endpoint", cloud.endpoint());

        ArrayNode stacks = status.putArray("stacks");
        for (Stack stack : cloud.stacks()) {
            ObjectNode s = stacks.addObject();
            s.put("name", stack.name());
            s.put("status", stack.status().toString());
            ObjectNode outputs = s.putObject("outputs");
            stack.outputs().forEach(outputs::put);
            cloud.apiUrl(stack.name()).ifPresent(url -> s.put("apiUrl", url));
        }

        ArrayNode functions = status.putArray("functions");
        for (FunctionStats f : cloud.lambda().stats()) {
            ObjectNode fn = functions.addObject();
            fn.put("name", f.functionName());
            fn.put("instances", f.busyInstances() + f.idleInstances());
            fn.put("busyInstances", f.busyInstances());
            fn.put("coldInvokes", f.coldStarts());
            fn.put("warmInvokes", f.warmStarts());
        }

        ArrayNode apis = status.putArray("apis");
        for (RestApi api : cloud.apiGateway().apis()) {
            apis.addObject().put("id", api.apiId()).put("name", api.name()).put("url", api.baseUrl());
        }

        ArrayNode tables = status.putArray("tables");
        for (String table : cloud.dynamodb().tableNames()) {
            tables.addObject().put("name", table).put("items", cloud.dynamodb().itemCount(table));
        }

        ArrayNode topics = status.putArray("topics");
        for (TopicView topic : cloud.sns().topics()) {
            topics.addObject().put("arn", topic.arn()).put("published", topic.published())
                    .put("subscriptions", topic.subscriptions().size());
        }

        ArrayNode queues = status.putArray("queues");
        for (String queue : cloud.sqs().queueNames()) {
            QueueDepth depth = cloud.sqs().depth(queue);
            queues.addObject().put("name", queue).put("visible", depth.visible()).put("inFlight", depth.inFlight());
        }
        return status;
    }

    private static byte[] page() throws IOException {
        try (var in = StatusPage.class.getResourceAsStream("status.html")) {
            if (in == null) {
                throw new IOException("status.html is missing from local-cloud's jar");
            }
            return in.readAllBytes();
        }
    }
}
