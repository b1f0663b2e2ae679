package com.wildrydes.localcloud.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.LocalCloud;
import com.wildrydes.localcloud.apigateway.RestApi;
import com.wildrydes.localcloud.cloudformation.Stack;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.lambda.FunctionStats;
import com.wildrydes.localcloud.lambda.InvocationRecord;
import com.wildrydes.localcloud.sns.SubscriptionView;
import com.wildrydes.localcloud.sns.TopicView;
import com.wildrydes.localcloud.sqs.QueueDepth;
import com.wildrydes.localcloud.sqs.SqsService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything local-cloud runs, as one JSON document: {@code /_localcloud/status.json}. */
final class StatusJson {

    /** The latest invocations shown per function; the full history is in its log. */
    static final int RECENT_INVOCATIONS = 10;

    private StatusJson() {
    }

    static ObjectNode of(LocalCloud cloud) {
        ObjectNode status = Json.object();
        status.put("endpoint", cloud.endpoint());
        status.put("console", cloud.endpoint() + Console.PATH);
        status.put("riderPage", cloud.endpoint() + Console.RIDER_PATH);
        stacks(cloud, status.putArray("stacks"));
        functions(cloud, status.putArray("functions"));
        ArrayNode apis = status.putArray("apis");
        for (RestApi api : cloud.apiGateway().apis()) {
            apis.addObject().put("id", api.apiId()).put("name", api.name()).put("url", api.baseUrl());
        }
        ArrayNode tables = status.putArray("tables");
        for (String table : cloud.dynamodb().tableNames()) {
            tables.addObject().put("name", table).put("items", cloud.dynamodb().itemCount(table));
        }
        topics(cloud, status.putArray("topics"));
        queues(cloud, status.putArray("queues"));
        return status;
    }

    private static void stacks(LocalCloud cloud, ArrayNode stacks) {
        for (Stack stack : cloud.stacks()) {
            ObjectNode s = stacks.addObject();
            s.put("name", stack.name());
            s.put("status", stack.status().toString());
            ObjectNode outputs = s.putObject("outputs");
            stack.outputs().forEach(outputs::put);
            cloud.apiUrl(stack.name()).ifPresent(url -> s.put("apiUrl", url));
        }
    }

    private static void functions(LocalCloud cloud, ArrayNode functions) {
        for (FunctionStats f : cloud.lambda().stats()) {
            ObjectNode fn = functions.addObject();
            fn.put("name", f.functionName());
            fn.put("instances", f.busyInstances() + f.idleInstances());
            fn.put("busyInstances", f.busyInstances());
            fn.put("idleInstances", f.idleInstances());
            fn.put("coldInvokes", f.coldStarts());
            fn.put("warmInvokes", f.warmStarts());
            ArrayNode recent = fn.putArray("recentInvocations");
            List<InvocationRecord> records = f.recent();
            for (InvocationRecord r : records.subList(Math.max(0, records.size() - RECENT_INVOCATIONS), records.size()).reversed()) {
                recent.addObject()
                        .put("requestId", r.requestId())
                        .put("start", r.startTime().toString())
                        .put("coldStart", r.coldStart())
                        .put("initDurationMs", r.initDurationMs())
                        .put("durationMs", r.durationMs())
                        .put("billedDurationMs", r.billedDurationMs())
                        .put("maxMemoryUsedMb", r.maxMemoryUsedMb())
                        .put("status", r.status());
            }
        }
    }

    private static void topics(LocalCloud cloud, ArrayNode topics) {
        for (TopicView topic : cloud.sns().topics()) {
            ObjectNode t = topics.addObject();
            t.put("arn", topic.arn());
            t.put("name", topic.name());
            t.put("published", topic.published());
            t.put("subscriptions", topic.subscriptions().size());
            ArrayNode subscribers = t.putArray("subscribers");
            for (SubscriptionView s : topic.subscriptions()) {
                subscribers.addObject()
                        .put("protocol", s.protocol())
                        .put("endpoint", s.endpoint())
                        .put("filterPolicy", s.filterPolicy())
                        .put("delivered", s.delivered())
                        .put("filteredOut", s.filteredOut())
                        .put("failed", s.failed());
            }
        }
    }

    private static void queues(LocalCloud cloud, ArrayNode queues) {
        SqsService sqs = cloud.sqs();
        Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
        for (String queue : sqs.queueNames()) {
            attributes.put(queue, sqs.queueAttributes(queue));
        }
        Map<String, List<String>> deadLetterOwners = DeadLetterQueues.owners(cloud.lambda().functions(), attributes);
        attributes.forEach((queue, attrs) -> {
            QueueDepth depth = sqs.depth(queue);
            ObjectNode q = queues.addObject();
            q.put("name", queue);
            q.put("arn", attrs.get("QueueArn"));
            q.put("visible", depth.visible());
            q.put("inFlight", depth.inFlight());
            q.put("delayed", depth.delayed());
            q.put("depth", depth.total());
            ArrayNode owners = q.putArray("deadLetterQueueOf");
            deadLetterOwners.getOrDefault(attrs.get("QueueArn"), List.of()).forEach(owners::add);
        });
    }
}
