package com.wildrydes.localcloud.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * SQS's operations on JSON protocol input and output, the one implementation both wire protocols
 * (and local-cloud's own callers) go through.
 */
final class SqsOperations {

    static final Set<String> OPERATIONS = Set.of(
            "CreateQueue", "GetQueueUrl", "GetQueueAttributes", "SetQueueAttributes", "ListQueues", "DeleteQueue",
            "PurgeQueue", "SendMessage", "SendMessageBatch", "ReceiveMessage", "DeleteMessage", "DeleteMessageBatch",
            "ChangeMessageVisibility", "ChangeMessageVisibilityBatch", "ListDeadLetterSourceQueues",
            "TagQueue", "UntagQueue", "ListQueueTags");

    /** SQS reports the account as the sender of messages its callers send; there is one caller identity here. */
    static final String SENDER_ID = QueueRegistry.ACCOUNT;

    private static final int MAX_BATCH_ENTRIES = 10;
    private static final int MAX_BATCH_BYTES = 1_048_576;
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final List<String> SYSTEM_ATTRIBUTE_NAMES = List.of(
            "SenderId", "SentTimestamp", "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp",
            "AWSTraceHeader", "DeadLetterQueueSourceArn");

    private final QueueRegistry queues;

    SqsOperations(QueueRegistry queues) {
        this.queues = queues;
    }

    JsonNode dispatch(String operation, JsonNode in) {
        return switch (operation) {
            case "CreateQueue" -> createQueue(in);
            case "GetQueueUrl" -> getQueueUrl(in);
            case "GetQueueAttributes" -> getQueueAttributes(in);
            case "SetQueueAttributes" -> setQueueAttributes(in);
            case "ListQueues" -> listQueues(in);
            case "DeleteQueue" -> deleteQueue(in);
            case "PurgeQueue" -> purgeQueue(in);
            case "SendMessage" -> sendMessage(in);
            case "SendMessageBatch" -> sendMessageBatch(in);
            case "ReceiveMessage" -> receiveMessage(in);
            case "DeleteMessage" -> deleteMessage(in);
            case "DeleteMessageBatch" -> deleteMessageBatch(in);
            case "ChangeMessageVisibility" -> changeMessageVisibility(in);
            case "ChangeMessageVisibilityBatch" -> changeMessageVisibilityBatch(in);
            case "ListDeadLetterSourceQueues" -> listDeadLetterSourceQueues(in);
            case "TagQueue" -> tagQueue(in);
            case "UntagQueue" -> untagQueue(in);
            case "ListQueueTags" -> listQueueTags(in);
            default -> throw new IllegalArgumentException("not an SQS operation: " + operation);
        };
    }

    private JsonNode createQueue(JsonNode in) {
        Queue queue = queues.create(required(in, "QueueName"), stringMap(in.get("Attributes")), stringMap(in.get("tags")));
        return Json.object().put("QueueUrl", queue.info().url());
    }

    private JsonNode getQueueUrl(JsonNode in) {
        Queue queue = queues.byName(required(in, "QueueName")).orElseThrow(SqsError::queueDoesNotExist);
        return Json.object().put("QueueUrl", queue.info().url());
    }

    private JsonNode getQueueAttributes(JsonNode in) {
        Queue queue = queue(in);
        Set<String> requested = new LinkedHashSet<>(stringList(in.get("AttributeNames")));
        Map<String, String> all = queue.allAttributes();
        ObjectNode attributes = Json.object();
        for (String name : requested) {
            if (!name.equals("All") && !isQueueAttributeName(name)) {
                throw SqsError.invalidAttributeName(name);
            }
        }
        all.forEach((name, value) -> {
            if (requested.contains("All") || requested.contains(name)) {
                attributes.put(name, value);
            }
        });
        ObjectNode out = Json.object();
        if (!attributes.isEmpty()) {
            out.set("Attributes", attributes);
        }
        return out;
    }

    private static boolean isQueueAttributeName(String name) {
        return QueueAttributes.SETTABLE.contains(name) || QueueAttributes.COMPUTED.contains(name)
                || Set.of("FifoQueue", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit").contains(name);
    }

    private JsonNode setQueueAttributes(JsonNode in) {
        Queue queue = queue(in);
        Map<String, String> attributes = stringMap(in.get("Attributes"));
        if (attributes.isEmpty()) {
            throw SqsError.missingParameter("Attribute.Name");
        }
        queues.setAttributes(queue, attributes);
        return Json.object();
    }

    private JsonNode listQueues(JsonNode in) {
        String prefix = text(in, "QueueNamePrefix");
        Integer maxResults = optionalInt(in, "MaxResults");
        if (maxResults != null && (maxResults < 1 || maxResults > 1000)) {
            throw SqsError.invalidParameterValue("Value " + maxResults + " for parameter MaxResults is invalid. "
                    + "Reason: MaxResults must be an integer between 1 and 1000.");
        }
        String after = decodeToken(text(in, "NextToken"));
        List<Queue> matching = queues.list(prefix).stream()
                .filter(queue -> after == null || queue.name().compareTo(after) > 0)
                .toList();
        int limit = maxResults == null ? 1000 : maxResults;
        List<Queue> page = matching.subList(0, Math.min(limit, matching.size()));
        ObjectNode out = Json.object();
        if (!page.isEmpty()) {
            ArrayNode urls = out.putArray("QueueUrls");
            page.forEach(queue -> urls.add(queue.info().url()));
        }
        if (maxResults != null && matching.size() > page.size()) {
            out.put("NextToken", encodeToken(page.getLast().name()));
        }
        return out;
    }

    private JsonNode deleteQueue(JsonNode in) {
        queues.delete(queue(in));
        return Json.object();
    }

    private JsonNode purgeQueue(JsonNode in) {
        queue(in).purge();
        return Json.object();
    }

    private JsonNode sendMessage(JsonNode in) {
        Queue queue = queue(in);
        return send(queue, in, Json.object());
    }

    /** Sends one message described by {@code in} (a SendMessage request or a batch entry) into {@code out}. */
    private ObjectNode send(Queue queue, JsonNode in, ObjectNode out) {
        String body = text(in, "MessageBody");
        if (body == null || body.isEmpty()) {
            throw SqsError.missingParameter("MessageBody");
        }
        requireValidCharacters(body);
        Integer delay = optionalInt(in, "DelaySeconds");
        if (delay != null && (delay < 0 || delay > 900)) {
            throw SqsError.invalidParameterValue("Value " + delay + " for parameter DelaySeconds is invalid. "
                    + "Reason: DelaySeconds must be >= 0 and <= 900.");
        }
        if (text(in, "MessageDeduplicationId") != null) {
            throw SqsError.invalidParameterValue("The request include parameter that is not valid for this queue type");
        }
        Map<String, MessageAttributeValue> attributes = MessageAttributes.read(in.get("MessageAttributes"));
        Map<String, MessageAttributeValue> systemAttributes = systemAttributes(in.get("MessageSystemAttributes"));
        int size = body.getBytes(StandardCharsets.UTF_8).length + MessageAttributes.size(attributes);
        if (size > queue.maximumMessageSize()) {
            throw SqsError.invalidParameterValue("One or more parameters are invalid. Reason: Message must be shorter than "
                    + queue.maximumMessageSize() + " bytes.");
        }
        QueueMessage message = queue.send(body, attributes, systemAttributes, delay, SENDER_ID);
        out.put("MD5OfMessageBody", MessageDigests.ofBody(body));
        String attributesMd5 = MessageDigests.ofAttributes(attributes);
        if (attributesMd5 != null) {
            out.put("MD5OfMessageAttributes", attributesMd5);
        }
        String systemMd5 = MessageDigests.ofAttributes(systemAttributes);
        if (systemMd5 != null) {
            out.put("MD5OfMessageSystemAttributes", systemMd5);
        }
        out.put("MessageId", message.messageId);
        return out;
    }

    private static Map<String, MessageAttributeValue> systemAttributes(JsonNode node) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return attributes;
        }
        node.properties().forEach(entry -> {
            if (!entry.getKey().equals("AWSTraceHeader")) {
                throw SqsError.invalidParameterValue("Message system attribute name '" + entry.getKey()
                        + "' is invalid; the only supported message system attribute is AWSTraceHeader.");
            }
            String value = entry.getValue().path("StringValue").asText("");
            if (!entry.getValue().path("DataType").asText("").equals("String") || value.isEmpty()) {
                throw SqsError.invalidParameterValue("The message system attribute 'AWSTraceHeader' must be a non-empty String.");
            }
            attributes.put("AWSTraceHeader", MessageAttributeValue.string(value));
        });
        return attributes;
    }

    private static void requireValidCharacters(String body) {
        for (int i = 0; i < body.length(); ) {
            int c = body.codePointAt(i);
            boolean valid = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!valid) {
                throw SqsError.invalidMessageContents("Invalid characters found. Valid unicode characters are "
                        + "#x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");
            }
            i += Character.charCount(c);
        }
    }

    private JsonNode sendMessageBatch(JsonNode in) {
        Queue queue = queue(in);
        List<JsonNode> entries = batchEntries(in, "SendMessageBatchRequestEntry");
        int total = 0;
        for (JsonNode entry : entries) {
            total += text(entry, "MessageBody") == null ? 0 : text(entry, "MessageBody").getBytes(StandardCharsets.UTF_8).length;
        }
        if (total > MAX_BATCH_BYTES) {
            throw SqsError.batchRequestTooLong(total, MAX_BATCH_BYTES);
        }
        return batch(entries, entry -> send(queue, entry, Json.object()));
    }

    private JsonNode receiveMessage(JsonNode in) {
        Queue queue = queue(in);
        Integer max = optionalInt(in, "MaxNumberOfMessages");
        if (max != null && (max < 1 || max > 10)) {
            throw SqsError.invalidParameterValue("Value " + max + " for parameter MaxNumberOfMessages is invalid. "
                    + "Reason: Must be between 1 and 10, if provided.");
        }
        Integer visibility = optionalInt(in, "VisibilityTimeout");
        if (visibility != null && (visibility < 0 || visibility > 43_200)) {
            throw SqsError.invalidParameterValue("Value " + visibility + " for parameter VisibilityTimeout is invalid. "
                    + "Reason: Must be >= 0 and <= 43200, if provided.");
        }
        Integer wait = optionalInt(in, "WaitTimeSeconds");
        if (wait != null && (wait < 0 || wait > 20)) {
            throw SqsError.invalidParameterValue("Value " + wait + " for parameter WaitTimeSeconds is invalid. "
                    + "Reason: Must be >= 0 and <= 20, if provided.");
        }
        Set<String> systemNames = new HashSet<>(stringList(in.get("AttributeNames")));
        systemNames.addAll(stringList(in.get("MessageSystemAttributeNames")));
        List<String> attributeNames = stringList(in.get("MessageAttributeNames"));

        List<ReceivedMessage> received = queue.receive(
                max == null ? 1 : max,
                visibility == null ? queue.defaultVisibilityTimeout() : visibility,
                (wait == null ? queue.defaultWaitTimeSeconds() : wait) * 1000L,
                queues::byArn);
        ObjectNode out = Json.object();
        if (!received.isEmpty()) {
            ArrayNode messages = out.putArray("Messages");
            received.forEach(message -> messages.add(render(message, systemNames, attributeNames)));
        }
        return out;
    }

    private static ObjectNode render(ReceivedMessage message, Set<String> systemNames, List<String> attributeNames) {
        ObjectNode node = Json.object();
        node.put("MessageId", message.messageId());
        node.put("ReceiptHandle", message.receiptHandle());
        node.put("MD5OfBody", MessageDigests.ofBody(message.body()));
        node.put("Body", message.body());
        Map<String, String> system = new LinkedHashMap<>();
        system.put("SenderId", message.senderId());
        system.put("SentTimestamp", Long.toString(message.sentAt()));
        system.put("ApproximateReceiveCount", Integer.toString(message.receiveCount()));
        system.put("ApproximateFirstReceiveTimestamp", Long.toString(message.firstReceivedAt()));
        MessageAttributeValue trace = message.systemAttributes().get("AWSTraceHeader");
        if (trace != null) {
            system.put("AWSTraceHeader", trace.stringValue());
        }
        if (message.deadLetterSourceArn() != null) {
            system.put("DeadLetterQueueSourceArn", message.deadLetterSourceArn());
        }
        ObjectNode attributes = Json.object();
        for (String name : SYSTEM_ATTRIBUTE_NAMES) {
            if ((systemNames.contains("All") || systemNames.contains(name)) && system.containsKey(name)) {
                attributes.put(name, system.get(name));
            }
        }
        if (!attributes.isEmpty()) {
            node.set("Attributes", attributes);
        }
        Map<String, MessageAttributeValue> selected = MessageAttributes.select(message.attributes(), attributeNames);
        if (!selected.isEmpty()) {
            node.put("MD5OfMessageAttributes", MessageDigests.ofAttributes(selected));
            node.set("MessageAttributes", MessageAttributes.write(selected));
        }
        return node;
    }

    private JsonNode deleteMessage(JsonNode in) {
        Queue queue = queue(in);
        queue.delete(ReceiptHandle.decode(text(in, "ReceiptHandle")));
        return Json.object();
    }

    private JsonNode deleteMessageBatch(JsonNode in) {
        Queue queue = queue(in);
        return batch(batchEntries(in, "DeleteMessageBatchRequestEntry"), entry -> {
            queue.delete(ReceiptHandle.decode(text(entry, "ReceiptHandle")));
            return Json.object();
        });
    }

    private JsonNode changeMessageVisibility(JsonNode in) {
        Queue queue = queue(in);
        changeVisibility(queue, in);
        return Json.object();
    }

    private JsonNode changeMessageVisibilityBatch(JsonNode in) {
        Queue queue = queue(in);
        return batch(batchEntries(in, "ChangeMessageVisibilityBatchRequestEntry"), entry -> {
            changeVisibility(queue, entry);
            return Json.object();
        });
    }

    private static void changeVisibility(Queue queue, JsonNode in) {
        String handle = text(in, "ReceiptHandle");
        ReceiptHandle receipt = ReceiptHandle.decode(handle);
        Integer seconds = optionalInt(in, "VisibilityTimeout");
        if (seconds == null) {
            throw SqsError.missingParameter("VisibilityTimeout");
        }
        if (seconds < 0 || seconds > 43_200) {
            throw SqsError.invalidParameterValue("Value " + seconds + " for parameter VisibilityTimeout is invalid. "
                    + "Reason: Must be >= 0 and <= 43200, if provided.");
        }
        queue.changeVisibility(receipt, handle, seconds);
    }

    private JsonNode listDeadLetterSourceQueues(JsonNode in) {
        Queue queue = queue(in);
        ObjectNode out = Json.object();
        ArrayNode urls = out.putArray("queueUrls");
        queues.sourcesOf(queue).forEach(source -> urls.add(source.info().url()));
        return out;
    }

    private JsonNode tagQueue(JsonNode in) {
        queue(in).tag(stringMap(in.get("Tags")));
        return Json.object();
    }

    private JsonNode untagQueue(JsonNode in) {
        queue(in).untag(stringList(in.get("TagKeys")));
        return Json.object();
    }

    private JsonNode listQueueTags(JsonNode in) {
        Map<String, String> tags = queue(in).tags();
        ObjectNode out = Json.object();
        if (!tags.isEmpty()) {
            ObjectNode node = out.putObject("Tags");
            tags.forEach(node::put);
        }
        return out;
    }

    /** Checks a batch's entries as SQS does before running any of them. */
    private static List<JsonNode> batchEntries(JsonNode in, String entryName) {
        JsonNode node = in.get("Entries");
        List<JsonNode> entries = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(entries::add);
        }
        if (entries.isEmpty()) {
            throw SqsError.emptyBatchRequest(entryName);
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw SqsError.tooManyEntriesInBatchRequest(entries.size());
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : entries) {
            String id = text(entry, "Id");
            if (id == null || !BATCH_ENTRY_ID.matcher(id).matches()) {
                throw SqsError.invalidBatchEntryId();
            }
            if (!ids.add(id)) {
                throw SqsError.batchEntryIdsNotDistinct(id);
            }
        }
        return entries;
    }

    /** Runs each entry on its own: one entry's failure is reported in {@code Failed} without stopping the rest. */
    private static JsonNode batch(List<JsonNode> entries, Function<JsonNode, ObjectNode> action) {
        ObjectNode out = Json.object();
        ArrayNode successful = out.putArray("Successful");
        ArrayNode failed = out.putArray("Failed");
        for (JsonNode entry : entries) {
            String id = text(entry, "Id");
            try {
                ObjectNode result = Json.object().put("Id", id);
                result.setAll(action.apply(entry));
                successful.add(result);
            } catch (SqsError e) {
                failed.addObject().put("Id", id).put("SenderFault", true).put("Code", e.queryCode()).put("Message", e.getMessage());
            }
        }
        return out;
    }

    private Queue queue(JsonNode in) {
        String url = text(in, "QueueUrl");
        if (url == null || url.isEmpty()) {
            throw SqsError.missingParameter("QueueUrl");
        }
        return queues.byUrl(url);
    }

    private static String required(JsonNode in, String name) {
        String value = text(in, name);
        if (value == null || value.isEmpty()) {
            throw SqsError.missingParameter(name);
        }
        return value;
    }

    static String text(JsonNode in, String name) {
        JsonNode node = in.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Integer optionalInt(JsonNode in, String name) {
        JsonNode node = in.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.intValue();
        }
        try {
            return Integer.parseInt(node.asText().trim());
        } catch (NumberFormatException e) {
            throw SqsError.invalidParameterValue("Value " + node.asText() + " for parameter " + name + " is invalid. Reason: Must be an integer.");
        }
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        }
        return map;
    }

    private static List<String> stringList(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> list.add(item.asText()));
        }
        return list;
    }

    private static String encodeToken(String lastName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastName.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SqsError.invalidParameterValue("Invalid NextToken value.");
        }
    }
}
