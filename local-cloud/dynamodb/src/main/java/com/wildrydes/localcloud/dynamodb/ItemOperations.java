package com.wildrydes.localcloud.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.dynamodb.expression.Condition;
import com.wildrydes.localcloud.dynamodb.expression.ConditionEvaluator;
import com.wildrydes.localcloud.dynamodb.expression.ExpressionContext;
import com.wildrydes.localcloud.dynamodb.expression.ExpressionKind;
import com.wildrydes.localcloud.dynamodb.expression.ExpressionParser;
import com.wildrydes.localcloud.dynamodb.expression.Path;
import com.wildrydes.localcloud.dynamodb.expression.Projection;
import com.wildrydes.localcloud.dynamodb.expression.UpdateApplier;
import com.wildrydes.localcloud.dynamodb.expression.UpdateExpression;
import com.wildrydes.localcloud.json.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** PutItem, GetItem, DeleteItem, UpdateItem, BatchWriteItem and BatchGetItem. */
final class ItemOperations {

    /** DynamoDB's limit on the size of one item. */
    static final long MAX_ITEM_SIZE = 400 * 1024;

    private static final Set<String> RETURN_VALUES =
            new LinkedHashSet<>(List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"));
    private static final Set<String> RETURN_ON_FAILURE = new LinkedHashSet<>(List.of("ALL_OLD", "NONE"));
    private static final Set<String> WITHOUT_EFFECT = Set.of("ReturnConsumedCapacity", "ReturnItemCollectionMetrics");
    private static final Map<String, String> LEGACY_CONDITIONS =
            Map.of("Expected", "ConditionExpression", "ConditionalOperator", "ConditionExpression");
    private static final int MAX_BATCH_WRITES = 25;
    private static final int MAX_BATCH_GETS = 100;

    private final TableCatalog catalog;

    ItemOperations(TableCatalog catalog) {
        this.catalog = catalog;
    }

    ObjectNode putItem(Request request) {
        request.allowOnly(Set.of("TableName", "Item", "ConditionExpression", "ExpressionAttributeNames",
                "ExpressionAttributeValues", "ReturnValues", "ReturnValuesOnConditionCheckFailure"), WITHOUT_EFFECT, LEGACY_CONDITIONS);
        String tableName = request.tableName();
        Map<String, AttributeValue> item = AttributeValueJson.readItem(request.requiredNode("Item"));
        String returnValues = oldOrNone(request);
        boolean oldOnFailure = returnOldOnFailure(request);
        ExpressionContext context = RequestExpressions.context(request, List.of("ConditionExpression"), List.of("ConditionExpression"));
        Optional<Condition> condition = condition(request, context);
        context.requireAllUsed();
        Table table = catalog.require(tableName);
        PrimaryKey key = table.schema().validateItem(item);
        if (AttributeValue.itemSize(item) > MAX_ITEM_SIZE) {
            throw DynamoDbErrors.validation("Item size has exceeded the maximum allowed size");
        }
        Optional<Map<String, AttributeValue>> old = table.write(key, current -> {
            check(condition, current, oldOnFailure);
            return new Table.Change.Put<>(item, current);
        });
        return attributes(returnValues.equals("ALL_OLD") ? old : Optional.empty());
    }

    ObjectNode getItem(Request request) {
        request.allowOnly(Set.of("TableName", "Key", "ProjectionExpression", "ExpressionAttributeNames", "ConsistentRead"),
                Set.of("ReturnConsumedCapacity"), Map.of("AttributesToGet", "ProjectionExpression"));
        String tableName = request.tableName();
        Map<String, AttributeValue> keyAttributes = AttributeValueJson.readItem(request.requiredNode("Key"));
        request.bool("ConsistentRead");
        ExpressionContext context = RequestExpressions.context(request, List.of("ProjectionExpression"), List.of());
        Optional<Projection> projection = projection(request, context);
        context.requireAllUsed();
        Table table = catalog.require(tableName);
        PrimaryKey key = table.schema().validateKey(keyAttributes);
        ObjectNode response = Json.object();
        table.get(key).ifPresent(item ->
                response.set("Item", AttributeValueJson.writeItem(projection.map(p -> p.apply(item)).orElse(item))));
        return response;
    }

    ObjectNode deleteItem(Request request) {
        request.allowOnly(Set.of("TableName", "Key", "ConditionExpression", "ExpressionAttributeNames",
                "ExpressionAttributeValues", "ReturnValues", "ReturnValuesOnConditionCheckFailure"), WITHOUT_EFFECT, LEGACY_CONDITIONS);
        String tableName = request.tableName();
        Map<String, AttributeValue> keyAttributes = AttributeValueJson.readItem(request.requiredNode("Key"));
        String returnValues = oldOrNone(request);
        boolean oldOnFailure = returnOldOnFailure(request);
        ExpressionContext context = RequestExpressions.context(request, List.of("ConditionExpression"), List.of("ConditionExpression"));
        Optional<Condition> condition = condition(request, context);
        context.requireAllUsed();
        Table table = catalog.require(tableName);
        PrimaryKey key = table.schema().validateKey(keyAttributes);
        Optional<Map<String, AttributeValue>> old = table.write(key, current -> {
            check(condition, current, oldOnFailure);
            return new Table.Change.Delete<>(current);
        });
        return attributes(returnValues.equals("ALL_OLD") ? old : Optional.empty());
    }

    ObjectNode updateItem(Request request) {
        Map<String, String> legacy = new LinkedHashMap<>(LEGACY_CONDITIONS);
        legacy.put("AttributeUpdates", "UpdateExpression");
        request.allowOnly(Set.of("TableName", "Key", "UpdateExpression", "ConditionExpression", "ExpressionAttributeNames",
                "ExpressionAttributeValues", "ReturnValues", "ReturnValuesOnConditionCheckFailure"), WITHOUT_EFFECT, legacy);
        String tableName = request.tableName();
        Map<String, AttributeValue> keyAttributes = AttributeValueJson.readItem(request.requiredNode("Key"));
        String returnValues = request.choice("ReturnValues", RETURN_VALUES).orElse("NONE");
        boolean oldOnFailure = returnOldOnFailure(request);
        List<String> expressions = List.of("UpdateExpression", "ConditionExpression");
        ExpressionContext context = RequestExpressions.context(request, expressions, expressions);
        Optional<UpdateExpression> update = request.string("UpdateExpression").map(text -> ExpressionParser.update(text, context));
        Optional<Condition> condition = condition(request, context);
        context.requireAllUsed();
        Table table = catalog.require(tableName);
        PrimaryKey key = table.schema().validateKey(keyAttributes);
        List<Path> updated = update.map(UpdateExpression::paths).orElse(List.of());
        for (Path path : updated) {
            if (table.schema().isKeyAttribute(path.attribute())) {
                throw DynamoDbErrors.invalidParameter("Cannot update attribute " + path.attribute() + ". This attribute is part of the key");
            }
        }
        record Outcome(Optional<Map<String, AttributeValue>> before, Map<String, AttributeValue> after) {
        }
        Outcome outcome = table.write(key, current -> {
            check(condition, current, oldOnFailure);
            Map<String, AttributeValue> before = current.orElse(keyAttributes);
            Map<String, AttributeValue> after = update.map(u -> UpdateApplier.apply(u, before)).orElse(before);
            if (AttributeValue.itemSize(after) > MAX_ITEM_SIZE) {
                throw DynamoDbErrors.validation("Item size to update has exceeded the maximum allowed size");
            }
            return new Table.Change.Put<>(after, new Outcome(current, after));
        });
        Projection changed = new Projection(updated);
        return attributes(switch (returnValues) {
            case "ALL_OLD" -> outcome.before();
            case "ALL_NEW" -> Optional.of(outcome.after());
            case "UPDATED_OLD" -> outcome.before().map(changed::apply);
            case "UPDATED_NEW" -> Optional.of(changed.apply(outcome.after()));
            default -> Optional.empty();
        });
    }

    ObjectNode batchWriteItem(Request request) {
        request.allowOnly(Set.of("RequestItems"), WITHOUT_EFFECT, Map.of());
        JsonNode requestItems = requestItems(request);
        record Write(Table table, PrimaryKey key, Map<String, AttributeValue> item) {
        }
        int total = 0;
        for (JsonNode tableWrites : requestItems) {
            total += tableWrites.size();
        }
        if (total > MAX_BATCH_WRITES) {
            throw DynamoDbErrors.constraint(total + " write requests", "requestItems",
                    "Map value must satisfy constraint: [Member must have length less than or equal to 25]");
        }
        List<Write> writes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
            String tableName = Request.validTableName(entry.getKey(), "requestItems");
            if (!entry.getValue().isArray() || entry.getValue().isEmpty()) {
                throw DynamoDbErrors.constraint("[]", "requestItems", "Map value must satisfy constraint: "
                        + "[Member must have length greater than or equal to 1]");
            }
            Table table = catalog.require(tableName);
            Set<PrimaryKey> keys = new HashSet<>();
            for (JsonNode writeRequest : entry.getValue()) {
                JsonNode put = writeRequest.get("PutRequest");
                JsonNode delete = writeRequest.get("DeleteRequest");
                if ((put == null) == (delete == null) || writeRequest.size() != 1) {
                    throw DynamoDbErrors.validation("Supplied WriteRequest must contain exactly one of PutRequest and DeleteRequest");
                }
                Write write;
                if (put != null) {
                    Map<String, AttributeValue> item = AttributeValueJson.readItem(put.get("Item"));
                    PrimaryKey key = table.schema().validateItem(item);
                    if (AttributeValue.itemSize(item) > MAX_ITEM_SIZE) {
                        throw DynamoDbErrors.validation("Item size has exceeded the maximum allowed size");
                    }
                    write = new Write(table, key, item);
                } else {
                    write = new Write(table, table.schema().validateKey(AttributeValueJson.readItem(delete.get("Key"))), null);
                }
                if (!keys.add(write.key())) {
                    throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
                }
                writes.add(write);
            }
        }
        for (Write write : writes) {
            write.table().write(write.key(), current -> write.item() == null
                    ? new Table.Change.Delete<>(null)
                    : new Table.Change.Put<>(write.item(), null));
        }
        ObjectNode response = Json.object();
        response.putObject("UnprocessedItems");
        return response;
    }

    ObjectNode batchGetItem(Request request) {
        request.allowOnly(Set.of("RequestItems"), Set.of("ReturnConsumedCapacity"), Map.of());
        JsonNode requestItems = requestItems(request);
        ObjectNode response = Json.object();
        ObjectNode responses = response.putObject("Responses");
        int total = 0;
        record Read(Table table, List<PrimaryKey> keys, Optional<Projection> projection) {
        }
        List<Read> reads = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
            String tableName = Request.validTableName(entry.getKey(), "requestItems");
            Request tableRequest = new Request("BatchGetItem", entry.getValue());
            tableRequest.allowOnly(Set.of("Keys", "ProjectionExpression", "ExpressionAttributeNames", "ConsistentRead"),
                    Set.of(), Map.of("AttributesToGet", "ProjectionExpression"));
            JsonNode keysNode = tableRequest.requiredNode("Keys");
            if (!keysNode.isArray() || keysNode.isEmpty()) {
                throw DynamoDbErrors.constraint("[]", "requestItems." + tableName + ".member.keys",
                        "Member must have length greater than or equal to 1");
            }
            ExpressionContext context = RequestExpressions.context(tableRequest, List.of("ProjectionExpression"), List.of());
            Optional<Projection> projection = projection(tableRequest, context);
            context.requireAllUsed();
            Table table = catalog.require(tableName);
            List<PrimaryKey> keys = new ArrayList<>();
            Set<PrimaryKey> seen = new HashSet<>();
            for (JsonNode keyNode : keysNode) {
                PrimaryKey key = table.schema().validateKey(AttributeValueJson.readItem(keyNode));
                if (!seen.add(key)) {
                    throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
                }
                keys.add(key);
            }
            total += keys.size();
            reads.add(new Read(table, keys, projection));
        }
        if (total > MAX_BATCH_GETS) {
            throw DynamoDbErrors.validation("Too many items requested for the BatchGetItem call");
        }
        for (Read read : reads) {
            ArrayNode items = responses.putArray(read.table().schema().name());
            for (PrimaryKey key : read.keys()) {
                read.table().get(key).ifPresent(item ->
                        items.add(AttributeValueJson.writeItem(read.projection().map(p -> p.apply(item)).orElse(item))));
            }
        }
        response.putObject("UnprocessedKeys");
        return response;
    }

    private static JsonNode requestItems(Request request) {
        JsonNode requestItems = request.requiredNode("RequestItems");
        if (!requestItems.isObject()) {
            throw DynamoDbErrors.serialization("Expected a map for RequestItems");
        }
        if (requestItems.isEmpty()) {
            throw DynamoDbErrors.constraint("{}", "requestItems", "Member must have length greater than or equal to 1");
        }
        return requestItems;
    }

    private static Optional<Condition> condition(Request request, ExpressionContext context) {
        return request.string("ConditionExpression")
                .map(text -> ExpressionParser.condition(text, ExpressionKind.CONDITION, context));
    }

    static Optional<Projection> projection(Request request, ExpressionContext context) {
        return request.string("ProjectionExpression")
                .map(text -> new Projection(ExpressionParser.projection(text, context)));
    }

    private static void check(Optional<Condition> condition, Optional<Map<String, AttributeValue>> current, boolean oldOnFailure) {
        if (condition.isPresent() && !ConditionEvaluator.test(condition.get(), current.orElse(Map.of()))) {
            throw new ConditionalCheckFailedException(oldOnFailure ? current.orElse(null) : null);
        }
    }

    /** PutItem and DeleteItem return nothing or the old item. */
    private static String oldOrNone(Request request) {
        String returnValues = request.choice("ReturnValues", RETURN_VALUES).orElse("NONE");
        if (!returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw DynamoDbErrors.validation("Return values set to invalid value");
        }
        return returnValues;
    }

    private static boolean returnOldOnFailure(Request request) {
        return request.choice("ReturnValuesOnConditionCheckFailure", RETURN_ON_FAILURE).orElse("NONE").equals("ALL_OLD");
    }

    private static ObjectNode attributes(Optional<Map<String, AttributeValue>> attributes) {
        ObjectNode response = Json.object();
        attributes.filter(a -> !a.isEmpty()).ifPresent(a -> response.set("Attributes", AttributeValueJson.writeItem(a)));
        return response;
    }
}
