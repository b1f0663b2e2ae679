package com.wildrydes.localcloud.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.query.FormParams;
import com.wildrydes.localcloud.query.XmlWriter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * SQS over the older Query protocol ({@code Action=SendMessage&...}, XML responses) that earlier SDKs
 * and CLIs speak. Requests are translated to the JSON protocol's input and answers back to XML, so
 * both protocols share one implementation.
 */
final class SqsQueryProtocol {

    static final String NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";
    private static final Set<String> INTEGER_PARAMETERS = Set.of(
            "DelaySeconds", "MaxNumberOfMessages", "VisibilityTimeout", "WaitTimeSeconds", "MaxResults");
    private static final Set<String> OPERATIONS_WITH_RESULT = Set.of(
            "CreateQueue", "GetQueueUrl", "GetQueueAttributes", "ListQueues", "SendMessage", "SendMessageBatch",
            "ReceiveMessage", "DeleteMessageBatch", "ChangeMessageVisibilityBatch", "ListDeadLetterSourceQueues",
            "ListQueueTags");

    private final SqsJsonProtocol json;

    SqsQueryProtocol(SqsJsonProtocol json) {
        this.json = json;
    }

    AwsResponse handle(AwsRequest request) {
        String requestId = UUID.randomUUID().toString();
        FormParams params = FormParams.parse(request.rawQuery(), request.body());
        String action = params.get("Action");
        try {
            if (action == null || !json.operations().contains(action)) {
                throw new AwsServiceException(400, "InvalidAction", (action == null
                        ? "local-cloud SQS received neither an X-Amz-Target header (JSON protocol) nor an Action (Query protocol)"
                        : "local-cloud SQS does not support the action " + action)
                        + "; supported actions: " + String.join(", ", new TreeSet<>(json.operations())));
            }
            ObjectNode input = toJsonInput(params);
            if (!input.has("QueueUrl") && !request.path().equals("/") && !request.path().isEmpty()) {
                // Query clients may address the queue by posting to its URL rather than naming it
                input.put("QueueUrl", request.path());
            }
            JsonNode output = json.call(action, input);
            XmlWriter xml = new XmlWriter(action + "Response", NAMESPACE);
            if (OPERATIONS_WITH_RESULT.contains(action)) {
                xml.start(action + "Result");
                writeMembers(xml, action, output);
                xml.end();
            }
            xml.start("ResponseMetadata").element("RequestId", requestId).end();
            return AwsResponse.of(200, "text/xml", xml.finish());
        } catch (AwsServiceException e) {
            String code = e instanceof SqsError sqs ? sqs.queryCode() : e.errorCode();
            XmlWriter xml = new XmlWriter("ErrorResponse", NAMESPACE);
            xml.start("Error").element("Type", e.status() >= 500 ? "Receiver" : "Sender")
                    .element("Code", code).element("Message", e.getMessage()).element("Detail", "").end();
            xml.element("RequestId", requestId);
            return AwsResponse.of(e.status(), "text/xml", xml.finish());
        }
    }

    /** {@code Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=5} becomes {@code "Attributes":{"VisibilityTimeout":"5"}}, and so on. */
    static ObjectNode toJsonInput(FormParams params) {
        ObjectNode input = Json.object();
        String action = params.get("Action");
        params.all().forEach((name, value) -> {
            if (!name.contains(".") && !name.equals("Action") && !name.equals("Version")) {
                putScalar(input, name, value);
            }
        });
        putMap(input, "Attributes", params.map("Attribute", "Name", "Value"));
        putMap(input, "CreateQueue".equals(action) ? "tags" : "Tags", params.map("Tag", "Key", "Value"));
        putList(input, "AttributeNames", params.list("AttributeName"));
        putList(input, "MessageSystemAttributeNames", params.list("MessageSystemAttributeName"));
        putList(input, "MessageAttributeNames", params.list("MessageAttributeName"));
        putList(input, "TagKeys", params.list("TagKey"));
        putMessageAttributes(input, "MessageAttributes", params, "MessageAttribute");
        putMessageAttributes(input, "MessageSystemAttributes", params, "MessageSystemAttribute");
        if (action != null && action.endsWith("Batch")) {
            ArrayNode entries = Json.MAPPER.createArrayNode();
            for (Map<String, String> group : params.groups(action.replace("Batch", "") + "BatchRequestEntry")) {
                entries.add(toJsonInput(FormParams.of(group)));
            }
            if (!entries.isEmpty()) {
                input.set("Entries", entries);
            }
        }
        return input;
    }

    private static void putScalar(ObjectNode input, String name, String value) {
        if (INTEGER_PARAMETERS.contains(name)) {
            try {
                input.put(name, Integer.parseInt(value.trim()));
                return;
            } catch (NumberFormatException e) {
                // left as text for the operation to reject with its own message
            }
        }
        input.put(name, value);
    }

    private static void putMap(ObjectNode input, String member, Map<String, String> map) {
        if (!map.isEmpty()) {
            ObjectNode node = input.putObject(member);
            map.forEach(node::put);
        }
    }

    private static void putList(ObjectNode input, String member, List<String> list) {
        if (!list.isEmpty()) {
            ArrayNode node = input.putArray(member);
            list.forEach(node::add);
        }
    }

    private static void putMessageAttributes(ObjectNode input, String member, FormParams params, String prefix) {
        ObjectNode attributes = Json.object();
        for (Map<String, String> group : params.groups(prefix)) {
            String name = group.get("Name");
            if (name == null) {
                continue;
            }
            ObjectNode value = attributes.putObject(name);
            group.forEach((key, text) -> {
                if (key.startsWith("Value.")) {
                    value.put(key.substring("Value.".length()), text);
                }
            });
        }
        if (!attributes.isEmpty()) {
            input.set(member, attributes);
        }
    }

    /** Writes JSON output members as the Query protocol's flattened XML. */
    private static void writeMembers(XmlWriter xml, String action, JsonNode output) {
        output.properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            switch (name) {
                case "Attributes" -> value.properties().forEach(attribute -> xml.start("Attribute")
                        .element("Name", attribute.getKey()).element("Value", attribute.getValue().asText()).end());
                case "Tags" -> value.properties().forEach(tag -> xml.start("Tag")
                        .element("Key", tag.getKey()).element("Value", tag.getValue().asText()).end());
                case "MessageAttributes" -> value.properties().forEach(attribute -> {
                    xml.start("MessageAttribute").element("Name", attribute.getKey()).start("Value");
                    attribute.getValue().properties().forEach(field -> xml.element(field.getKey(), field.getValue().asText()));
                    xml.end().end();
                });
                case "QueueUrls", "queueUrls" -> value.forEach(url -> xml.element("QueueUrl", url.asText()));
                case "Messages" -> value.forEach(message -> {
                    xml.start("Message");
                    writeMembers(xml, action, message);
                    xml.end();
                });
                case "Successful" -> value.forEach(result -> {
                    xml.start(action + "ResultEntry");
                    writeMembers(xml, action, result);
                    xml.end();
                });
                case "Failed" -> value.forEach(error -> {
                    xml.start("BatchResultErrorEntry");
                    writeMembers(xml, action, error);
                    xml.end();
                });
                default -> xml.element(name, value.asText());
            }
        });
    }
}
