package com.wildrydes.localcloud.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and writes DynamoDB's JSON form of attribute values ({@code {"S":"x"}}, {@code {"N":"1"}}, ...),
 * validating as DynamoDB does.
 */
public final class AttributeValueJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigDecimal LARGEST = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal SMALLEST = new BigDecimal("1E-130");

    private AttributeValueJson() {
    }

    /** An item or key: a JSON object of attribute name to attribute value. */
    public static Map<String, AttributeValue> readItem(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw DynamoDbErrors.serialization("Expected a map of attribute names to attribute values");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            item.put(field.getKey(), read(field.getValue()));
        }
        return AttributeValue.immutableCopy(item);
    }

    public static AttributeValue read(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw DynamoDbErrors.validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (node.size() > 1) {
            throw DynamoDbErrors.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        Map.Entry<String, JsonNode> only = node.properties().iterator().next();
        JsonNode v = only.getValue();
        return switch (only.getKey()) {
            case "S" -> new AttributeValue.S(text(v, "S"));
            case "N" -> new AttributeValue.N(number(text(v, "N")));
            case "B" -> new AttributeValue.B(binary(text(v, "B")));
            case "BOOL" -> {
                if (!v.isBoolean()) {
                    throw DynamoDbErrors.serialization("BOOL must be a boolean");
                }
                yield new AttributeValue.Bool(v.booleanValue());
            }
            case "NULL" -> {
                if (!v.isBoolean() || !v.booleanValue()) {
                    throw DynamoDbErrors.invalidParameter("Null attribute value types must have the value of true");
                }
                yield AttributeValue.Null.INSTANCE;
            }
            case "L" -> {
                List<AttributeValue> values = new ArrayList<>();
                array(v, "L").forEach(e -> values.add(read(e)));
                yield new AttributeValue.L(values);
            }
            case "M" -> new AttributeValue.M(readItem(v));
            case "SS" -> new AttributeValue.SS(set(v, "SS", "string", e -> text(e, "SS")));
            case "NS" -> new AttributeValue.NS(set(v, "NS", "number", e -> number(text(e, "NS"))));
            case "BS" -> new AttributeValue.BS(set(v, "BS", "binary", e -> binary(text(e, "BS"))));
            default -> throw DynamoDbErrors.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        };
    }

    /** Parses a DynamoDB number: up to 38 significant digits, magnitude between 1E-130 and about 1E+126. */
    public static BigDecimal number(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw DynamoDbErrors.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        return checkedNumber(value);
    }

    /** Checks a number produced by arithmetic against DynamoDB's limits. */
    public static BigDecimal checkedNumber(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        BigDecimal magnitude = stripped.abs();
        if (magnitude.compareTo(LARGEST) > 0) {
            throw DynamoDbErrors.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (magnitude.compareTo(SMALLEST) < 0) {
            throw DynamoDbErrors.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (stripped.precision() > 38) {
            throw DynamoDbErrors.validation("Attempting to store more than 38 significant digits in a Number");
        }
        return stripped;
    }

    public static ObjectNode writeItem(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        item.forEach((name, value) -> node.set(name, write(value)));
        return node;
    }

    public static ObjectNode write(AttributeValue value) {
        ObjectNode node = NODES.objectNode();
        switch (value) {
            case AttributeValue.S s -> node.put("S", s.value());
            case AttributeValue.N n -> node.put("N", n.text());
            case AttributeValue.B b -> node.put("B", b.value().base64());
            case AttributeValue.Bool b -> node.put("BOOL", b.value());
            case AttributeValue.Null ignored -> node.put("NULL", true);
            case AttributeValue.L l -> {
                ArrayNode array = node.putArray("L");
                l.values().forEach(v -> array.add(write(v)));
            }
            case AttributeValue.M m -> node.set("M", writeItem(m.values()));
            case AttributeValue.SS ss -> {
                ArrayNode array = node.putArray("SS");
                ss.values().forEach(array::add);
            }
            case AttributeValue.NS ns -> {
                ArrayNode array = node.putArray("NS");
                ns.values().forEach(v -> array.add(v.toPlainString()));
            }
            case AttributeValue.BS bs -> {
                ArrayNode array = node.putArray("BS");
                bs.values().forEach(v -> array.add(v.base64()));
            }
        }
        return node;
    }

    private static String text(JsonNode v, String type) {
        if (v == null || !v.isTextual()) {
            throw DynamoDbErrors.serialization("The value of " + type + " must be a string");
        }
        return v.textValue();
    }

    private static Bytes binary(String base64) {
        try {
            return Bytes.fromBase64(base64);
        } catch (IllegalArgumentException e) {
            throw DynamoDbErrors.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: " + base64.length());
        }
    }

    private static JsonNode array(JsonNode v, String type) {
        if (v == null || !v.isArray()) {
            throw DynamoDbErrors.serialization("The value of " + type + " must be a list");
        }
        return v;
    }

    private static <T> Set<T> set(JsonNode v, String type, String typeWord, Function<JsonNode, T> element) {
        JsonNode elements = array(v, type);
        if (elements.isEmpty()) {
            // AWS's wording, double space included
            throw DynamoDbErrors.invalidParameter("An " + typeWord + " set  may not be empty");
        }
        Set<T> values = new LinkedHashSet<>();
        List<String> shown = new ArrayList<>();
        boolean duplicates = false;
        for (JsonNode e : elements) {
            T value = element.apply(e);
            if (value instanceof BigDecimal number) {
                @SuppressWarnings("unchecked")
                T canonical = (T) AttributeValue.canonical(number);
                value = canonical;
            }
            duplicates |= !values.add(value);
            shown.add(e.asText());
        }
        if (duplicates) {
            throw DynamoDbErrors.invalidParameter("Input collection " + shown + " contains duplicates.");
        }
        return values;
    }
}
