package com.wildrydes.localcloud.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.json.Json;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** CreateTable, DescribeTable, ListTables and DeleteTable. */
final class TableOperations {

    private static final Set<String> ATTRIBUTE_TYPES = new java.util.LinkedHashSet<>(List.of("B", "N", "S"));
    private static final Set<String> BILLING_MODES = new java.util.LinkedHashSet<>(List.of("PROVISIONED", "PAY_PER_REQUEST"));

    private final TableCatalog catalog;
    private final String region;
    private final String accountId;
    private final Clock clock;

    TableOperations(TableCatalog catalog, String region, String accountId, Clock clock) {
        this.catalog = catalog;
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
    }

    ObjectNode createTable(Request request) {
        request.allowOnly(
                Set.of("TableName", "KeySchema", "AttributeDefinitions", "BillingMode", "ProvisionedThroughput"),
                // accepted so that templates and tools that send them work; they change nothing locally
                Set.of("Tags", "SSESpecification", "TableClass", "DeletionProtectionEnabled"),
                Map.of());
        refuseEnabled(request, "DeletionProtectionEnabled");
        String name = request.tableName();
        Map<String, String> definitions = attributeDefinitions(request.requiredNode("AttributeDefinitions"));
        List<TableSchema.KeyAttribute> keys = keySchema(request.requiredNode("KeySchema"), definitions);
        String billingMode = request.choice("BillingMode", BILLING_MODES).orElse(TableSchema.PROVISIONED);
        long read = 0;
        long write = 0;
        Optional<JsonNode> throughput = request.node("ProvisionedThroughput");
        if (billingMode.equals(TableSchema.PAY_PER_REQUEST)) {
            if (throughput.isPresent()) {
                throw DynamoDbErrors.invalidParameter(
                        "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
        } else {
            JsonNode units = throughput.orElseThrow(() -> DynamoDbErrors.invalidParameter(
                    "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"));
            read = capacity(units, "ReadCapacityUnits");
            write = capacity(units, "WriteCapacityUnits");
        }
        TableSchema schema = new TableSchema(name, keys.get(0), keys.size() > 1 ? Optional.of(keys.get(1)) : Optional.empty(),
                definitions, billingMode, read, write, clock.instant(), UUID.randomUUID().toString());
        Table table = catalog.create(schema);
        ObjectNode response = Json.object();
        response.set("TableDescription", describe(table, "ACTIVE"));
        return response;
    }

    ObjectNode describeTable(Request request) {
        request.allowOnly(Set.of("TableName"), Set.of(), Map.of());
        String name = request.tableName();
        Table table = catalog.find(name).orElseThrow(() -> DynamoDbErrors.tableNotFound(name));
        ObjectNode response = Json.object();
        response.set("Table", describe(table, "ACTIVE"));
        return response;
    }

    ObjectNode deleteTable(Request request) {
        request.allowOnly(Set.of("TableName"), Set.of(), Map.of());
        Table table = catalog.delete(request.tableName());
        ObjectNode response = Json.object();
        response.set("TableDescription", describe(table, "DELETING"));
        return response;
    }

    ObjectNode listTables(Request request) {
        request.allowOnly(Set.of("ExclusiveStartTableName", "Limit"), Set.of(), Map.of());
        long limit = request.number("Limit").orElse(100L);
        if (limit < 1) {
            throw DynamoDbErrors.constraint(limit, "limit", "Member must have value greater than or equal to 1");
        }
        if (limit > 100) {
            throw DynamoDbErrors.constraint(limit, "limit", "Member must have value less than or equal to 100");
        }
        Optional<String> start = request.string("ExclusiveStartTableName")
                .map(n -> Request.validTableName(n, "exclusiveStartTableName"));
        var names = start.map(s -> catalog.byName().tailMap(s, false)).orElse(catalog.byName()).navigableKeySet();
        ObjectNode response = Json.object();
        ArrayNode page = response.putArray("TableNames");
        String last = null;
        for (String name : names) {
            if (page.size() == limit) {
                response.put("LastEvaluatedTableName", last);
                break;
            }
            page.add(name);
            last = name;
        }
        return response;
    }

    private ObjectNode describe(Table table, String status) {
        return table.schema().describe(region, accountId, status, table.itemCount(), table.sizeBytes());
    }

    private static Map<String, String> attributeDefinitions(JsonNode node) {
        if (!node.isArray()) {
            throw DynamoDbErrors.serialization("Expected a list for AttributeDefinitions");
        }
        Map<String, String> definitions = new LinkedHashMap<>();
        int index = 1;
        for (JsonNode definition : node) {
            String name = text(definition, "AttributeName", "attributeDefinitions." + index + ".member.attributeName");
            String type = text(definition, "AttributeType", "attributeDefinitions." + index + ".member.attributeType");
            if (!ATTRIBUTE_TYPES.contains(type)) {
                throw DynamoDbErrors.constraint(type, "attributeDefinitions." + index + ".member.attributeType",
                        "Member must satisfy enum value set: [B, N, S]");
            }
            if (definitions.put(name, type) != null) {
                throw DynamoDbErrors.invalidParameter("Duplicate AttributeName " + name + " in AttributeDefinitions");
            }
            index++;
        }
        return definitions;
    }

    private static List<TableSchema.KeyAttribute> keySchema(JsonNode node, Map<String, String> definitions) {
        if (!node.isArray()) {
            throw DynamoDbErrors.serialization("Expected a list for KeySchema");
        }
        if (node.isEmpty() || node.size() > 2) {
            throw DynamoDbErrors.constraint(node.size() + " elements", "keySchema",
                    node.isEmpty() ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 2");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String name = text(element, "AttributeName", "keySchema." + (i + 1) + ".member.attributeName");
            String keyType = text(element, "KeyType", "keySchema." + (i + 1) + ".member.keyType");
            if (!keyType.equals("HASH") && !keyType.equals("RANGE")) {
                throw DynamoDbErrors.constraint(keyType, "keySchema." + (i + 1) + ".member.keyType",
                        "Member must satisfy enum value set: [HASH, RANGE]");
            }
            if (i == 0 && !keyType.equals("HASH")) {
                throw DynamoDbErrors.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
            }
            if (i == 1 && !keyType.equals("RANGE")) {
                throw DynamoDbErrors.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
            names.add(name);
        }
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw DynamoDbErrors.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!definitions.keySet().containsAll(names)) {
            throw DynamoDbErrors.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. Keys: "
                    + names + ", AttributeDefinitions: " + new ArrayList<>(definitions.keySet()));
        }
        if (definitions.size() != names.size()) {
            throw DynamoDbErrors.invalidParameter(
                    "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
        return names.stream().map(n -> new TableSchema.KeyAttribute(n, definitions.get(n))).toList();
    }

    private static long capacity(JsonNode throughput, String field) {
        JsonNode value = throughput.get(field);
        if (value == null || value.isNull()) {
            throw DynamoDbErrors.invalidParameter(
                    "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        if (!value.isIntegralNumber()) {
            throw DynamoDbErrors.serialization("Expected an integer for " + field);
        }
        if (value.longValue() < 1) {
            throw DynamoDbErrors.constraint(value.longValue(), "provisionedThroughput." + Request.member(field),
                    "Member must have value greater than or equal to 1");
        }
        return value.longValue();
    }

    private static String text(JsonNode node, String field, String member) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw DynamoDbErrors.constraint(null, member, "Member must not be null");
        }
        if (!value.isTextual()) {
            throw DynamoDbErrors.serialization("Expected a string for " + field);
        }
        return value.textValue();
    }

    /** Parameters whose "false" is the only behaviour local-cloud has. */
    private static void refuseEnabled(Request request, String field) {
        if (request.bool(field).orElse(false)) {
            throw DynamoDbErrors.validation("local-cloud DynamoDB does not support " + field + ": true in CreateTable; "
                    + "supported parameters: AttributeDefinitions, BillingMode, KeySchema, ProvisionedThroughput, TableName");
        }
    }
}
