package com.wildrydes.localcloud.cloudformation.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.http.JsonProtocolService;
import com.wildrydes.localcloud.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** DynamoDB's table operations in memory, with AWS's error codes. */
public final class FakeDynamoDb extends JsonProtocolService {

    public final Map<String, ObjectNode> tables = new LinkedHashMap<>();
    /** "CreateTable NAME", "DeleteTable NAME", "UpdateTable NAME", in call order. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** A table name whose CreateTable fails, to exercise rollback. */
    public volatile String failCreating;
    private final List<String> journal;

    public FakeDynamoDb(List<String> journal) {
        this.journal = journal;
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
        return Set.of("CreateTable", "DeleteTable", "DescribeTable", "UpdateTable");
    }

    @Override
    protected synchronized JsonNode dispatch(String operation, JsonNode input) {
        String name = input.path("TableName").asText();
        calls.add(operation + " " + name);
        if (!operation.equals("DescribeTable")) {
            journal.add("dynamodb:" + operation + " " + name);
        }
        return switch (operation) {
            case "CreateTable" -> {
                if (name.equals(failCreating)) {
                    throw AwsServiceException.badRequest("LimitExceededException", "Subscriber limit exceeded for " + name);
                }
                if (tables.containsKey(name)) {
                    throw AwsServiceException.badRequest("ResourceInUseException", "Table already exists: " + name);
                }
                if (!input.path("KeySchema").isArray() || !input.path("ProvisionedThroughput").isMissingNode()
                        && !input.path("ProvisionedThroughput").path("ReadCapacityUnits").isNumber()) {
                    throw AwsServiceException.badRequest("ValidationException", "bad CreateTable input " + input);
                }
                tables.put(name, (ObjectNode) input.deepCopy());
                yield Json.object().set("TableDescription", description(name));
            }
            case "DeleteTable" -> {
                if (tables.remove(name) == null) {
                    throw AwsServiceException.badRequest("ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found");
                }
                yield Json.object();
            }
            case "DescribeTable" -> {
                if (!tables.containsKey(name)) {
                    throw AwsServiceException.badRequest("ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found");
                }
                yield Json.object().set("Table", description(name));
            }
            case "UpdateTable" -> {
                ObjectNode table = tables.get(name);
                table.setAll((ObjectNode) input.deepCopy());
                yield Json.object().set("TableDescription", description(name));
            }
            default -> throw new IllegalStateException(operation);
        };
    }

    private ObjectNode description(String name) {
        ObjectNode table = tables.get(name);
        ObjectNode description = Json.object();
        description.put("TableName", name);
        description.put("TableArn", "arn:aws:dynamodb:us-east-1:000000000000:table/" + name);
        description.put("TableStatus", "ACTIVE");
        if (table.path("StreamSpecification").path("StreamEnabled").asBoolean(false)) {
            description.put("LatestStreamArn", "arn:aws:dynamodb:us-east-1:000000000000:table/" + name + "/stream/2026-01-01T00:00:00.000");
        }
        return description;
    }

    public synchronized Map<String, ObjectNode> snapshot() {
        return new LinkedHashMap<>(tables);
    }
}
