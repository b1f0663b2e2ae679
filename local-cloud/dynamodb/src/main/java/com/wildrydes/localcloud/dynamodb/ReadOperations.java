package com.wildrydes.localcloud.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.dynamodb.expression.Condition;
import com.wildrydes.localcloud.dynamodb.expression.ConditionEvaluator;
import com.wildrydes.localcloud.dynamodb.expression.ExpressionContext;
import com.wildrydes.localcloud.dynamodb.expression.ExpressionKind;
import com.wildrydes.localcloud.dynamodb.expression.ExpressionParser;
import com.wildrydes.localcloud.dynamodb.expression.Operand;
import com.wildrydes.localcloud.dynamodb.expression.Path;
import com.wildrydes.localcloud.dynamodb.expression.Projection;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.json.Json;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Query and Scan. A page ends after {@code Limit} items were read or 1 MB of items was read, and then
 * carries a LastEvaluatedKey even if no item follows: like DynamoDB, a page does not look ahead.
 * Limit counts items read, before FilterExpression drops any.
 */
final class ReadOperations {

    /** DynamoDB reads at most this much per Query or Scan page. */
    static final long MAX_PAGE_BYTES = 1024 * 1024;

    private static final Set<String> SELECT =
            new LinkedHashSet<>(List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"));

    private final TableCatalog catalog;

    ReadOperations(TableCatalog catalog) {
        this.catalog = catalog;
    }

    ObjectNode query(Request request) {
        request.allowOnly(Set.of("TableName", "KeyConditionExpression", "FilterExpression", "ProjectionExpression",
                        "ExpressionAttributeNames", "ExpressionAttributeValues", "ScanIndexForward", "Limit",
                        "ExclusiveStartKey", "Select", "ConsistentRead"),
                Set.of("ReturnConsumedCapacity"),
                Map.of("KeyConditions", "KeyConditionExpression", "QueryFilter", "FilterExpression",
                        "AttributesToGet", "ProjectionExpression", "ConditionalOperator", "FilterExpression"));
        String tableName = request.tableName();
        String keyConditionText = request.string("KeyConditionExpression").orElseThrow(() -> DynamoDbErrors.validation(
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."));
        ExpressionContext context = RequestExpressions.context(request,
                List.of("KeyConditionExpression", "FilterExpression", "ProjectionExpression"),
                List.of("KeyConditionExpression", "FilterExpression"));
        Condition keyCondition = ExpressionParser.condition(keyConditionText, ExpressionKind.KEY_CONDITION, context);
        Optional<Condition> filter = filter(request, context);
        Optional<Projection> projection = ItemOperations.projection(request, context);
        context.requireAllUsed();
        boolean count = countOnly(request, projection);
        long limit = limit(request);
        boolean forward = request.bool("ScanIndexForward").orElse(true);
        request.bool("ConsistentRead");

        Table table = catalog.require(tableName);
        TableSchema schema = table.schema();
        KeyCondition range = KeyCondition.of(keyCondition, schema);
        filter.ifPresent(f -> refuseKeyAttributes(f, schema));
        Optional<PrimaryKey> start = exclusiveStartKey(request, schema);
        if (start.isPresent()) {
            range = range.startingAfter(start.get(), forward);
        }
        NavigableMap<PrimaryKey, Table.StoredItem> view = range.isEmpty()
                ? java.util.Collections.emptyNavigableMap()
                : table.items().subMap(range.lower(), range.lowerInclusive(), range.upper(), range.upperInclusive());
        if (!forward) {
            view = view.descendingMap();
        }
        return page(view.entrySet().iterator(), range.matcher(), schema, filter, projection, count, limit);
    }

    ObjectNode scan(Request request) {
        request.allowOnly(Set.of("TableName", "FilterExpression", "ProjectionExpression", "ExpressionAttributeNames",
                        "ExpressionAttributeValues", "Limit", "ExclusiveStartKey", "Select", "ConsistentRead"),
                Set.of("ReturnConsumedCapacity"),
                Map.of("ScanFilter", "FilterExpression", "AttributesToGet", "ProjectionExpression",
                        "ConditionalOperator", "FilterExpression"));
        String tableName = request.tableName();
        ExpressionContext context = RequestExpressions.context(request,
                List.of("FilterExpression", "ProjectionExpression"), List.of("FilterExpression"));
        Optional<Condition> filter = filter(request, context);
        Optional<Projection> projection = ItemOperations.projection(request, context);
        context.requireAllUsed();
        boolean count = countOnly(request, projection);
        long limit = limit(request);
        request.bool("ConsistentRead");

        Table table = catalog.require(tableName);
        Optional<PrimaryKey> start = exclusiveStartKey(request, table.schema());
        NavigableMap<PrimaryKey, Table.StoredItem> view = start.map(s -> table.items().tailMap(s, false)).orElse(table.items());
        return page(view.entrySet().iterator(), key -> true, table.schema(), filter, projection, count, limit);
    }

    private static ObjectNode page(Iterator<Map.Entry<PrimaryKey, Table.StoredItem>> entries, Predicate<PrimaryKey> inRange,
                                   TableSchema schema, Optional<Condition> filter, Optional<Projection> projection,
                                   boolean countOnly, long limit) {
        ObjectNode response = Json.object();
        ArrayNode items = countOnly ? null : response.putArray("Items");
        int matched = 0;
        int scanned = 0;
        long bytes = 0;
        boolean reachedRange = false;
        Map<String, AttributeValue> lastEvaluatedKey = null;
        while (entries.hasNext()) {
            Map.Entry<PrimaryKey, Table.StoredItem> entry = entries.next();
            if (!inRange.test(entry.getKey())) {
                if (reachedRange) {
                    break;
                }
                continue;
            }
            reachedRange = true;
            Map<String, AttributeValue> item = entry.getValue().attributes();
            scanned++;
            bytes += entry.getValue().size();
            if (filter.isEmpty() || ConditionEvaluator.test(filter.get(), item)) {
                matched++;
                if (items != null) {
                    items.add(AttributeValueJson.writeItem(projection.map(p -> p.apply(item)).orElse(item)));
                }
            }
            if (scanned == limit || bytes >= MAX_PAGE_BYTES) {
                lastEvaluatedKey = schema.keyOf(item);
                break;
            }
        }
        response.put("Count", matched);
        response.put("ScannedCount", scanned);
        if (lastEvaluatedKey != null) {
            response.set("LastEvaluatedKey", AttributeValueJson.writeItem(lastEvaluatedKey));
        }
        return response;
    }

    private static Optional<Condition> filter(Request request, ExpressionContext context) {
        return request.string("FilterExpression")
                .map(text -> ExpressionParser.condition(text, ExpressionKind.FILTER, context));
    }

    /** Select: COUNT returns no items; ALL_PROJECTED_ATTRIBUTES needs an index, which local-cloud does not have. */
    private static boolean countOnly(Request request, Optional<Projection> projection) {
        Optional<String> select = request.choice("Select", SELECT);
        if (select.isEmpty()) {
            return false;
        }
        switch (select.get()) {
            case "ALL_PROJECTED_ATTRIBUTES" ->
                    throw DynamoDbErrors.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
            case "COUNT" -> {
                if (projection.isPresent()) {
                    throw DynamoDbErrors.validation("Cannot specify the ProjectionExpression when choosing to get only the Count");
                }
                return true;
            }
            case "ALL_ATTRIBUTES" -> {
                if (projection.isPresent()) {
                    throw DynamoDbErrors.validation("Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES");
                }
                return false;
            }
            default -> {
                if (projection.isEmpty()) {
                    throw DynamoDbErrors.validation("Must specify the ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
                }
                return false;
            }
        }
    }

    private static long limit(Request request) {
        long limit = request.number("Limit").orElse(Long.MAX_VALUE);
        if (limit < 1) {
            throw DynamoDbErrors.constraint(limit, "limit", "Member must have value greater than or equal to 1");
        }
        return limit;
    }

    private static Optional<PrimaryKey> exclusiveStartKey(Request request, TableSchema schema) {
        return request.node("ExclusiveStartKey").map(node -> {
            try {
                return schema.validateKey(AttributeValueJson.readItem(node));
            } catch (AwsServiceException e) {
                throw DynamoDbErrors.validation("The provided starting key is invalid: " + e.getMessage());
            }
        });
    }

    /** A Query's filter may not constrain the key: that belongs in the key condition. */
    private static void refuseKeyAttributes(Condition filter, TableSchema schema) {
        for (Path path : paths(filter)) {
            if (schema.isKeyAttribute(path.attribute())) {
                throw DynamoDbErrors.validation("Filter Expression can only contain non-primary key attributes: Primary key attribute: "
                        + path.attribute());
            }
        }
    }

    private static List<Path> paths(Condition condition) {
        return switch (condition) {
            case Condition.And(Condition l, Condition r) -> concat(paths(l), paths(r));
            case Condition.Or(Condition l, Condition r) -> concat(paths(l), paths(r));
            case Condition.Not(Condition c) -> paths(c);
            case Condition.Compare(Operand l, Condition.Comparator ignored, Operand r) -> concat(paths(l), paths(r));
            case Condition.Between(Operand v, Operand l, Operand u) -> concat(paths(v), concat(paths(l), paths(u)));
            case Condition.In(Operand v, List<Operand> cs) ->
                    concat(paths(v), cs.stream().flatMap(c -> paths(c).stream()).toList());
            case Condition.AttributeExists(Path p) -> List.of(p);
            case Condition.AttributeNotExists(Path p) -> List.of(p);
            case Condition.AttributeType(Path p, Operand t) -> concat(List.of(p), paths(t));
            case Condition.BeginsWith(Operand v, Operand p) -> concat(paths(v), paths(p));
            case Condition.Contains(Operand v, Operand p) -> concat(paths(v), paths(p));
        };
    }

    private static List<Path> paths(Operand operand) {
        return switch (operand) {
            case Operand.PathOperand(Path p) -> List.of(p);
            case Operand.Size(Path p) -> List.of(p);
            default -> List.of();
        };
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
