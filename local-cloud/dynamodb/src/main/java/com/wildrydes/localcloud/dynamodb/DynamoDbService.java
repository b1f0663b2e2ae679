package com.wildrydes.localcloud.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.http.AwsResponse;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.http.JsonProtocolService;
import com.wildrydes.localcloud.json.Json;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DynamoDB's JSON 1.0 API: tables, items, Query and Scan with DynamoDB's expression language, in memory
 * or, given a data directory, journaled to {@code <dataDir>/dynamodb/} so tables survive restarts.
 */
public final class DynamoDbService extends JsonProtocolService implements AutoCloseable {

    private static final Set<String> OPERATIONS = Set.of(
            "CreateTable", "DescribeTable", "ListTables", "DeleteTable",
            "PutItem", "GetItem", "DeleteItem", "UpdateItem", "BatchWriteItem", "BatchGetItem",
            "Query", "Scan");

    private final TableCatalog catalog;
    private final TableOperations tableOperations;
    private final ItemOperations itemOperations;
    private final ReadOperations readOperations;

    public DynamoDbService(String region, String accountId, Optional<Path> dataDir) {
        this(region, accountId, dataDir, Clock.systemUTC());
    }

    DynamoDbService(String region, String accountId, Optional<Path> dataDir, Clock clock) {
        this.catalog = new TableCatalog(dataDir.map(dir -> dir.resolve("dynamodb")));
        this.tableOperations = new TableOperations(catalog, region, accountId, clock);
        this.itemOperations = new ItemOperations(catalog);
        this.readOperations = new ReadOperations(catalog);
    }

    @Override
    public String signingName() {
        return "dynamodb";
    }

    @Override
    protected String contentType() {
        return "application/x-amz-json-1.0";
    }

    @Override
    protected String errorTypePrefix() {
        return "com.amazonaws.dynamodb.v20120810#";
    }

    @Override
    protected String displayName() {
        return "DynamoDB";
    }

    @Override
    public Set<String> operations() {
        return OPERATIONS;
    }

    @Override
    protected JsonNode dispatch(String operation, JsonNode input) {
        Request request = new Request(operation, input);
        return switch (operation) {
            case "CreateTable" -> tableOperations.createTable(request);
            case "DescribeTable" -> tableOperations.describeTable(request);
            case "ListTables" -> tableOperations.listTables(request);
            case "DeleteTable" -> tableOperations.deleteTable(request);
            case "PutItem" -> itemOperations.putItem(request);
            case "GetItem" -> itemOperations.getItem(request);
            case "DeleteItem" -> itemOperations.deleteItem(request);
            case "UpdateItem" -> itemOperations.updateItem(request);
            case "BatchWriteItem" -> itemOperations.batchWriteItem(request);
            case "BatchGetItem" -> itemOperations.batchGetItem(request);
            case "Query" -> readOperations.query(request);
            case "Scan" -> readOperations.scan(request);
            default -> throw new IllegalStateException("listed in OPERATIONS but not dispatched: " + operation);
        };
    }

    /** A failed condition may carry the old item ({@code ReturnValuesOnConditionCheckFailure: ALL_OLD}). */
    @Override
    protected AwsResponse error(AwsServiceException e) {
        if (e instanceof ConditionalCheckFailedException failed && failed.item().isPresent()) {
            ObjectNode body = Json.object();
            body.put("__type", errorTypePrefix() + e.errorCode());
            body.put("message", e.getMessage());
            body.set("Item", AttributeValueJson.writeItem(failed.item().get()));
            return new AwsResponse(e.status(), Map.of("Content-Type", contentType(), "x-amzn-ErrorType", e.errorCode()),
                    Json.bytes(body));
        }
        return super.error(e);
    }

    // ---- for the status page and console

    /** Table names in ListTables order. */
    public List<String> tableNames() {
        return new ArrayList<>(catalog.byName().keySet());
    }

    /** Items in the table now; 0 for a table that does not exist. */
    public long itemCount(String table) {
        return catalog.find(table).map(Table::itemCount).orElse(0L);
    }

    /**
     * Up to {@code limit} items in key order as plain JSON-able values (strings, BigDecimals, booleans,
     * lists, maps; binary as base64); empty for a table that does not exist.
     */
    public List<Map<String, Object>> items(String table, int limit) {
        return catalog.find(table).map(t -> t.items().values().stream()
                        .limit(Math.max(0, limit))
                        .map(stored -> AttributeValue.toPlain(stored.attributes()))
                        .toList())
                .orElse(List.of());
    }

    /** Closes the table journals; in-memory state is simply dropped. */
    @Override
    public void close() {
        catalog.close();
    }
}
