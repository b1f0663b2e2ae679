package com.wildrydes.localcloud.dynamodb.expression;

import com.wildrydes.localcloud.dynamodb.AttributeValue;
import com.wildrydes.localcloud.dynamodb.DynamoDbErrors;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all its
 * expressions, remembering which placeholders they used: DynamoDB refuses both undefined and unused ones.
 */
public final class ExpressionContext {

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    public ExpressionContext(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = Map.copyOf(names);
        this.values = Map.copyOf(values);
    }

    public static ExpressionContext empty() {
        return new ExpressionContext(Map.of(), Map.of());
    }

    String name(String placeholder, ExpressionKind kind) {
        String name = names.get(placeholder);
        if (name == null) {
            throw ExpressionParser.invalid(kind, "An expression attribute name used in the document path is not defined; attribute name: "
                    + placeholder);
        }
        usedNames.add(placeholder);
        return name;
    }

    AttributeValue value(String placeholder, ExpressionKind kind) {
        AttributeValue value = values.get(placeholder);
        if (value == null) {
            throw ExpressionParser.invalid(kind, "An expression attribute value used in expression is not defined; attribute value: "
                    + placeholder);
        }
        usedValues.add(placeholder);
        return value;
    }

    /** Call after parsing every expression of the request. */
    public void requireAllUsed() {
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoDbErrors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoDbErrors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }
}
