package com.wildrydes.localcloud.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.dynamodb.expression.ExpressionContext;
import com.wildrydes.localcloud.http.AwsServiceException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a request's ExpressionAttributeNames and ExpressionAttributeValues, validated as DynamoDB does. */
final class RequestExpressions {

    private static final Pattern NAME_KEY = Pattern.compile("#[A-Za-z0-9_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[A-Za-z0-9_]+");

    private RequestExpressions() {
    }

    /**
     * @param namesUsers  the expression parameters of the operation that may use names
     * @param valuesUsers those that may use values
     */
    static ExpressionContext context(Request request, List<String> namesUsers, List<String> valuesUsers) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        request.node("ExpressionAttributeNames").ifPresent(node -> {
            requireObject(node, "ExpressionAttributeNames");
            if (node.isEmpty()) {
                throw DynamoDbErrors.validation("ExpressionAttributeNames must not be empty");
            }
            if (namesUsers.stream().noneMatch(request::has)) {
                throw DynamoDbErrors.validation("ExpressionAttributeNames can only be specified when using expressions");
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!NAME_KEY.matcher(e.getKey()).matches()) {
                    throw DynamoDbErrors.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + e.getKey() + "\"");
                }
                if (!e.getValue().isTextual() || e.getValue().textValue().isEmpty()) {
                    throw DynamoDbErrors.validation("ExpressionAttributeNames contains invalid value: Empty attribute name for key " + e.getKey());
                }
                names.put(e.getKey(), e.getValue().textValue());
            }
        });
        request.node("ExpressionAttributeValues").ifPresent(node -> {
            requireObject(node, "ExpressionAttributeValues");
            if (node.isEmpty()) {
                throw DynamoDbErrors.validation("ExpressionAttributeValues must not be empty");
            }
            if (valuesUsers.stream().noneMatch(request::has)) {
                throw DynamoDbErrors.validation("ExpressionAttributeValues can only be specified when using expressions: "
                        + nullList(valuesUsers));
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!VALUE_KEY.matcher(e.getKey()).matches()) {
                    throw DynamoDbErrors.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + e.getKey() + "\"");
                }
                try {
                    values.put(e.getKey(), AttributeValueJson.read(e.getValue()));
                } catch (AwsServiceException invalid) {
                    throw DynamoDbErrors.validation("ExpressionAttributeValues contains invalid value: " + invalid.getMessage()
                            + " for key " + e.getKey());
                }
            }
        });
        return new ExpressionContext(names, values);
    }

    /** "ConditionExpression is null", "UpdateExpression and ConditionExpression are null". */
    private static String nullList(List<String> parameters) {
        if (parameters.size() == 1) {
            return parameters.get(0) + " is null";
        }
        List<String> all = new ArrayList<>(parameters);
        String last = all.remove(all.size() - 1);
        return String.join(", ", all) + " and " + last + " are null";
    }

    private static void requireObject(JsonNode node, String field) {
        if (!node.isObject()) {
            throw DynamoDbErrors.serialization("Expected a map for " + field);
        }
    }
}
