package com.wildrydes.localcloud.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The input of one DynamoDB operation, read with DynamoDB's validation and error wording. */
final class Request {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private final String operation;
    private final JsonNode input;

    Request(String operation, JsonNode input) {
        if (!input.isObject()) {
            throw DynamoDbErrors.serialization("Start of structure or map found where not expected.");
        }
        this.operation = operation;
        this.input = input;
    }

    String operation() {
        return operation;
    }

    /**
     * Refuses every parameter outside {@code supported} and {@code withoutEffect} (accepted for
     * compatibility, e.g. ReturnConsumedCapacity). Legacy parameters are named with their replacement.
     */
    void allowOnly(Set<String> supported, Set<String> withoutEffect, Map<String, String> legacy) {
        for (Map.Entry<String, JsonNode> field : input.properties()) {
            String name = field.getKey();
            if (field.getValue().isNull() || supported.contains(name) || withoutEffect.contains(name)) {
                continue;
            }
            Set<String> accepted = new LinkedHashSet<>(supported);
            accepted.addAll(withoutEffect);
            if (legacy.containsKey(name)) {
                throw DynamoDbErrors.unsupported("the legacy parameter " + name + " (use " + legacy.get(name) + ")",
                        operation, accepted);
            }
            throw DynamoDbErrors.unsupported("the parameter " + name, operation, accepted);
        }
    }

    boolean has(String field) {
        JsonNode node = input.get(field);
        return node != null && !node.isNull();
    }

    Optional<JsonNode> node(String field) {
        JsonNode node = input.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    JsonNode requiredNode(String field) {
        return node(field).orElseThrow(() -> DynamoDbErrors.constraint(null, member(field), "Member must not be null"));
    }

    Optional<String> string(String field) {
        return node(field).map(node -> {
            if (!node.isTextual()) {
                throw DynamoDbErrors.serialization("Expected a string for " + field);
            }
            return node.textValue();
        });
    }

    String requiredString(String field) {
        return string(field).orElseThrow(() -> DynamoDbErrors.constraint(null, member(field), "Member must not be null"));
    }

    Optional<Boolean> bool(String field) {
        return node(field).map(node -> {
            if (!node.isBoolean()) {
                throw DynamoDbErrors.serialization("Expected a boolean for " + field);
            }
            return node.booleanValue();
        });
    }

    Optional<Long> number(String field) {
        return node(field).map(node -> {
            if (!node.isIntegralNumber()) {
                throw DynamoDbErrors.serialization("Expected an integer for " + field);
            }
            return node.longValue();
        });
    }

    /** An enum-valued parameter, checked against its values as AWS words the failure. */
    Optional<String> choice(String field, Set<String> values) {
        return string(field).map(value -> {
            if (!values.contains(value)) {
                throw DynamoDbErrors.constraint(value, member(field),
                        "Member must satisfy enum value set: [" + String.join(", ", values) + "]");
            }
            return value;
        });
    }

    /** {@code TableName}, validated for every operation that takes one. */
    String tableName() {
        return validTableName(requiredString("TableName"), "tableName");
    }

    static String validTableName(String name, String member) {
        if (name.length() < 3) {
            throw DynamoDbErrors.constraint(name, member, "Member must have length greater than or equal to 3");
        }
        if (name.length() > 255) {
            throw DynamoDbErrors.constraint(name, member, "Member must have length less than or equal to 255");
        }
        if (!TABLE_NAME.matcher(name).matches()) {
            throw DynamoDbErrors.constraint(name, member, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    /** AWS names request members in lower camel case in validation messages. */
    static String member(String field) {
        return Character.toLowerCase(field.charAt(0)) + field.substring(1);
    }
}
