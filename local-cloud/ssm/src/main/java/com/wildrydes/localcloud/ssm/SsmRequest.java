package com.wildrydes.localcloud.ssm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The input of one SSM operation, read with AWS's validation and error wording. */
final class SsmRequest {

    private final String operation;
    private final JsonNode input;

    SsmRequest(String operation, JsonNode input) {
        if (!input.isObject()) {
            throw SsmErrors.serialization("Start of structure or map found where not expected.");
        }
        this.operation = operation;
        this.input = input;
    }

    /** Refuses any parameter outside {@code supported}, naming it and listing what is supported. */
    void allowOnly(Set<String> supported) {
        for (Map.Entry<String, JsonNode> field : input.properties()) {
            if (!field.getValue().isNull() && !supported.contains(field.getKey())) {
                throw SsmErrors.unsupported("the parameter " + field.getKey(), operation, supported);
            }
        }
    }

    boolean has(String field) {
        JsonNode node = input.get(field);
        return node != null && !node.isNull();
    }

    Optional<String> string(String field) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw SsmErrors.serialization("Expected a string for " + field);
        }
        return Optional.of(node.textValue());
    }

    String requiredString(String field) {
        return string(field).orElseThrow(() -> SsmErrors.constraint(null, member(field), "Member must not be null"));
    }

    boolean bool(String field) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw SsmErrors.serialization("Expected a boolean for " + field);
        }
        return node.booleanValue();
    }

    /** An integer parameter with AWS's range check. */
    int integer(String field, int min, int max, int fallback) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber()) {
            throw SsmErrors.serialization("Expected an integer for " + field);
        }
        long value = node.longValue();
        if (value < min) {
            throw SsmErrors.constraint(value, member(field), "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw SsmErrors.constraint(value, member(field), "Member must have value less than or equal to " + max);
        }
        return (int) value;
    }

    /** A list of strings with AWS's length bounds; duplicates are dropped, order kept. */
    List<String> names(String field, int max) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            throw SsmErrors.constraint(null, member(field), "Member must not be null");
        }
        if (!node.isArray()) {
            throw SsmErrors.serialization("Expected a list for " + field);
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw SsmErrors.serialization("Expected strings in " + field);
            }
            names.add(element.textValue());
        }
        if (node.isEmpty()) {
            throw SsmErrors.constraint("[]", member(field), "Member must have length greater than or equal to 1");
        }
        if (node.size() > max) {
            throw SsmErrors.constraint(names, member(field), "Member must have length less than or equal to " + max);
        }
        return new ArrayList<>(names);
    }

    /** Enum parameters, with AWS's wording when the value is not one of them. */
    Optional<String> choice(String field, List<String> values) {
        return string(field).map(value -> {
            if (!values.contains(value)) {
                throw SsmErrors.constraint(value, member(field),
                        "Member must satisfy enum value set: [" + String.join(", ", values) + "]");
            }
            return value;
        });
    }

    private static String member(String field) {
        return Character.toLowerCase(field.charAt(0)) + field.substring(1);
    }
}
