package com.wildrydes.localcloud.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A subscription's filter policy: which messages it receives, judged on their message attributes or
 * (with scope {@code MessageBody}) on their JSON body.
 *
 * <p>Each policy key names an attribute (or body property) and lists conditions, any of which may
 * match: an exact string or number, {@code prefix}, {@code suffix}, {@code equals-ignore-case},
 * {@code anything-but}, {@code numeric} ranges and {@code exists}. Every key must match; {@code $or}
 * holds alternative policies. An array value (a {@code String.Array} attribute) matches when any
 * element does.
 */
final class FilterPolicy {

    enum Scope { MessageAttributes, MessageBody }

    private static final Set<String> OPERATORS = Set.of("prefix", "suffix", "equals-ignore-case", "anything-but", "numeric", "exists");
    private static final Set<String> COMPARISONS = Set.of("=", "<", "<=", ">", ">=");

    private final JsonNode policy;
    private final Scope scope;

    private FilterPolicy(JsonNode policy, Scope scope) {
        this.policy = policy;
        this.scope = scope;
    }

    /** Parses and checks a policy as SetSubscriptionAttributes does; {@code scope} null means MessageAttributes. */
    static FilterPolicy parse(String json, String scope) {
        Scope parsedScope = parseScope(scope);
        JsonNode node;
        try {
            node = Json.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw invalid("failed to parse JSON.");
        }
        if (!node.isObject() || node.isEmpty()) {
            throw invalid("the filter policy must be a non-empty JSON object.");
        }
        validateObject(node, parsedScope, 1);
        return new FilterPolicy(node, parsedScope);
    }

    static Scope parseScope(String scope) {
        if (scope == null || scope.equals("MessageAttributes")) {
            return Scope.MessageAttributes;
        }
        if (scope.equals("MessageBody")) {
            return Scope.MessageBody;
        }
        throw SnsError.invalidParameter("Invalid parameter: Attributes Reason: FilterPolicyScope: Invalid value [" + scope
                + "]. Please use either MessageBody or MessageAttributes");
    }

    Scope scope() {
        return scope;
    }

    boolean matches(Map<String, SnsMessageAttribute> attributes, String message) {
        JsonNode document = scope == Scope.MessageAttributes ? attributeDocument(attributes) : bodyDocument(message);
        return document != null && matchesObject(policy, document);
    }

    private static JsonNode attributeDocument(Map<String, SnsMessageAttribute> attributes) {
        ObjectNode document = Json.object();
        attributes.forEach((name, attribute) -> {
            String type = attribute.dataType();
            if (type.startsWith("Number")) {
                try {
                    document.put(name, new BigDecimal(attribute.value().trim()));
                } catch (NumberFormatException e) {
                    document.put(name, attribute.value());
                }
            } else if (type.equals("String.Array")) {
                try {
                    document.set(name, Json.parse(attribute.value().getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    document.put(name, attribute.value());
                }
            } else if (type.startsWith("String")) {
                document.put(name, attribute.value());
            }
            // Binary attributes take no part in filtering, as in AWS
        });
        return document;
    }

    private static JsonNode bodyDocument(String message) {
        try {
            JsonNode body = Json.parse(message.getBytes(StandardCharsets.UTF_8));
            return body.isObject() ? body : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static boolean matchesObject(JsonNode policy, JsonNode document) {
        for (var entry : policy.properties()) {
            String key = entry.getKey();
            JsonNode condition = entry.getValue();
            boolean matched;
            if (key.equals("$or")) {
                matched = false;
                for (JsonNode alternative : condition) {
                    matched |= matchesObject(alternative, document);
                }
            } else if (condition.isObject()) {
                JsonNode child = document.get(key);
                matched = child != null && child.isObject() && matchesObject(condition, child);
            } else {
                matched = matchesConditions(condition, document.get(key));
            }
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    /** {@code value} is null when the attribute or property is absent. */
    private static boolean matchesConditions(JsonNode conditions, JsonNode value) {
        List<JsonNode> values = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(values::add);
        } else if (value != null) {
            values.add(value);
        }
        for (JsonNode condition : conditions) {
            if (condition.isObject() && condition.has("exists")) {
                if (condition.get("exists").asBoolean() == (value != null)) {
                    return true;
                }
                continue;
            }
            for (JsonNode candidate : values) {
                if (matchesCondition(condition, candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesCondition(JsonNode condition, JsonNode value) {
        if (condition.isTextual()) {
            return value.isTextual() && value.asText().equals(condition.asText());
        }
        if (condition.isNumber()) {
            return value.isNumber() && value.decimalValue().compareTo(condition.decimalValue()) == 0;
        }
        if (condition.isNull() || condition.isBoolean()) {
            return value.equals(condition);
        }
        var operator = condition.properties().iterator().next();
        JsonNode operand = operator.getValue();
        return switch (operator.getKey()) {
            case "prefix" -> value.isTextual() && value.asText().startsWith(operand.asText());
            case "suffix" -> value.isTextual() && value.asText().endsWith(operand.asText());
            case "equals-ignore-case" -> value.isTextual() && value.asText().equalsIgnoreCase(operand.asText());
            case "numeric" -> value.isNumber() && inRange(operand, value.decimalValue());
            case "anything-but" -> !anythingButExcludes(operand, value);
            default -> false;
        };
    }

    private static boolean anythingButExcludes(JsonNode operand, JsonNode value) {
        if (operand.isArray()) {
            for (JsonNode excluded : operand) {
                if (matchesCondition(excluded, value)) {
                    return true;
                }
            }
            return false;
        }
        return matchesCondition(operand, value);
    }

    private static boolean inRange(JsonNode comparisons, BigDecimal number) {
        for (int i = 0; i + 1 < comparisons.size(); i += 2) {
            int order = number.compareTo(comparisons.get(i + 1).decimalValue());
            boolean holds = switch (comparisons.get(i).asText()) {
                case "=" -> order == 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static void validateObject(JsonNode object, Scope scope, int depth) {
        for (var entry : object.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals("$or")) {
                if (!value.isArray() || value.size() < 2) {
                    throw invalid("$or must hold an array of at least two policies.");
                }
                for (JsonNode alternative : value) {
                    if (!alternative.isObject() || alternative.isEmpty()) {
                        throw invalid("each $or alternative must be a non-empty JSON object.");
                    }
                    validateObject(alternative, scope, depth);
                }
            } else if (value.isObject()) {
                if (scope == Scope.MessageAttributes) {
                    throw invalid("nested keys are only allowed with FilterPolicyScope MessageBody; \"" + key + "\" holds an object.");
                }
                validateObject(value, scope, depth + 1);
            } else if (value.isArray()) {
                if (value.isEmpty()) {
                    throw invalid("\"" + key + "\" must list at least one condition.");
                }
                value.forEach(condition -> validateCondition(key, condition));
            } else {
                throw invalid("\"" + key + "\" must hold an array of conditions.");
            }
        }
    }

    private static void validateCondition(String key, JsonNode condition) {
        if (condition.isTextual() || condition.isNumber() || condition.isNull() || condition.isBoolean()) {
            return;
        }
        if (!condition.isObject() || condition.size() != 1) {
            throw invalid("each condition of \"" + key + "\" must be a value or an object with one operator.");
        }
        var operator = condition.properties().iterator().next();
        String name = operator.getKey();
        JsonNode operand = operator.getValue();
        if (!OPERATORS.contains(name)) {
            throw invalid("unsupported operator \"" + name + "\" in \"" + key + "\"; supported operators: "
                    + String.join(", ", new TreeSet<>(OPERATORS)) + ".");
        }
        switch (name) {
            case "prefix", "suffix", "equals-ignore-case" -> {
                if (!operand.isTextual()) {
                    throw invalid(name + " must be given a string in \"" + key + "\".");
                }
            }
            case "exists" -> {
                if (!operand.isBoolean()) {
                    throw invalid("exists must be true or false in \"" + key + "\".");
                }
            }
            case "anything-but" -> {
                boolean valid = operand.isTextual() || operand.isNumber()
                        || (operand.isArray() && !operand.isEmpty() && allScalars(operand))
                        || (operand.isObject() && operand.size() == 1
                            && (operand.has("prefix") || operand.has("suffix") || operand.has("equals-ignore-case"))
                            && operand.elements().next().isTextual());
                if (!valid) {
                    throw invalid("anything-but takes a value, a list of values, or a prefix/suffix in \"" + key + "\".");
                }
            }
            case "numeric" -> validateNumeric(key, operand);
            default -> throw new IllegalStateException(name);
        }
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual() && !item.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static void validateNumeric(String key, JsonNode operand) {
        boolean valid = operand.isArray() && (operand.size() == 2 || operand.size() == 4);
        for (int i = 0; valid && i < operand.size(); i += 2) {
            valid = COMPARISONS.contains(operand.get(i).asText()) && operand.get(i + 1).isNumber()
                    && (operand.size() == 2 || !operand.get(i).asText().equals("="));
        }
        if (valid && operand.size() == 4) {
            // a range is a lower bound followed by an upper bound
            valid = operand.get(0).asText().startsWith(">") && operand.get(2).asText().startsWith("<")
                    && operand.get(1).decimalValue().compareTo(operand.get(3).decimalValue()) < 0;
        }
        if (!valid) {
            throw invalid("numeric must be [\"=\", n], [\"<\"|\"<=\"|\">\"|\">=\", n], or a range "
                    + "[\">\"|\">=\", low, \"<\"|\"<=\", high] in \"" + key + "\".");
        }
    }

    private static SnsError invalid(String reason) {
        return SnsError.invalidParameter("Invalid parameter: FilterPolicy: " + reason);
    }
}
