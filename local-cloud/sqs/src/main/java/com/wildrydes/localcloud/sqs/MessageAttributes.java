package com.wildrydes.localcloud.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.json.Json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads, checks, selects and writes message attributes in the JSON protocol's shape. */
final class MessageAttributes {

    static final int MAX_ATTRIBUTES = 10;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");

    private MessageAttributes() {
    }

    /** {@code {"name": {"DataType": "String", "StringValue": "..."}}}, as SendMessage takes them. */
    static Map<String, MessageAttributeValue> read(JsonNode node) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return attributes;
        }
        if (node.size() > MAX_ATTRIBUTES) {
            throw SqsError.invalidParameterValue("Number of message attributes [" + node.size()
                    + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        node.properties().forEach(entry -> attributes.put(entry.getKey(), readOne(entry.getKey(), entry.getValue())));
        return attributes;
    }

    private static MessageAttributeValue readOne(String name, JsonNode value) {
        validateName(name);
        String dataType = value.path("DataType").asText("");
        if (dataType.isEmpty()) {
            throw SqsError.invalidParameterValue("The message attribute '" + name + "' must contain non-empty message attribute type.");
        }
        String base = dataType.contains(".") ? dataType.substring(0, dataType.indexOf('.')) : dataType;
        return switch (base) {
            case "String", "Number" -> {
                String text = value.path("StringValue").asText(null);
                if (text == null || text.isEmpty()) {
                    throw emptyValue(name, dataType);
                }
                if (base.equals("Number")) {
                    requireNumber(name, text);
                }
                yield new MessageAttributeValue(dataType, text, null);
            }
            case "Binary" -> {
                String encoded = value.path("BinaryValue").asText(null);
                if (encoded == null || encoded.isEmpty()) {
                    throw emptyValue(name, dataType);
                }
                try {
                    yield new MessageAttributeValue(dataType, null, Base64.getDecoder().decode(encoded));
                } catch (IllegalArgumentException e) {
                    throw SqsError.invalidParameterValue("The message attribute '" + name + "' has a BinaryValue that is not valid base64.");
                }
            }
            default -> throw SqsError.invalidParameterValue("The type of message (user) attribute '" + name
                    + "' is invalid. You must use only the following supported type prefixes: Binary, Number, String.");
        };
    }

    private static void validateName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches() || name.startsWith(".") || name.endsWith(".") || name.contains("..")
                || lower.startsWith("aws.") || lower.startsWith("amazon.")) {
            throw SqsError.invalidParameterValue("Message (user) attribute name '" + name + "' is invalid. "
                    + "Names may contain alphanumerics, hyphens, underscores and periods, may not start or end with a period "
                    + "or hold two in a row, and may not start with AWS. or Amazon.");
        }
    }

    private static SqsError emptyValue(String name, String dataType) {
        return SqsError.invalidParameterValue("The message attribute '" + name
                + "' must contain non-empty message attribute value for message attribute type '" + dataType + "'.");
    }

    private static void requireNumber(String name, String text) {
        try {
            new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw SqsError.invalidParameterValue("Can't cast the value of message (user) attribute '" + name + "' to a number.");
        }
    }

    /** What attributes add to a message's size: each name, data type and value. */
    static int size(Map<String, MessageAttributeValue> attributes) {
        int size = 0;
        for (var entry : attributes.entrySet()) {
            MessageAttributeValue value = entry.getValue();
            size += entry.getKey().getBytes(StandardCharsets.UTF_8).length
                    + value.dataType().getBytes(StandardCharsets.UTF_8).length
                    + (value.isBinary() ? value.binaryValue().length : value.stringValue().getBytes(StandardCharsets.UTF_8).length);
        }
        return size;
    }

    /**
     * The attributes a ReceiveMessage asked for: {@code All} or {@code .*} for every one, a name, or
     * {@code prefix.*} for the names that start with {@code prefix.}.
     */
    static Map<String, MessageAttributeValue> select(Map<String, MessageAttributeValue> attributes, Collection<String> requested) {
        Map<String, MessageAttributeValue> selected = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            for (String wanted : requested) {
                boolean matches = wanted.equals("All") || wanted.equals(".*") || wanted.equals(name)
                        || (wanted.endsWith(".*") && name.startsWith(wanted.substring(0, wanted.length() - 1)));
                if (matches) {
                    selected.put(name, value);
                    return;
                }
            }
        });
        return selected;
    }

    static ObjectNode write(Map<String, MessageAttributeValue> attributes) {
        ObjectNode node = Json.object();
        attributes.forEach((name, value) -> {
            ObjectNode attribute = node.putObject(name);
            if (value.isBinary()) {
                attribute.put("BinaryValue", Base64.getEncoder().encodeToString(value.binaryValue()));
            } else {
                attribute.put("StringValue", value.stringValue());
            }
            attribute.put("DataType", value.dataType());
        });
        return node;
    }
}
