package com.wildrydes.localcloud.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.json.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What CreateTable fixes about a table: its key schema, attribute definitions and billing.
 *
 * @param attributeDefinitions attribute name to type (S, N or B), in the order given
 * @param readCapacity         0 under PAY_PER_REQUEST
 */
public record TableSchema(
        String name,
        KeyAttribute hashKey,
        Optional<KeyAttribute> rangeKey,
        Map<String, String> attributeDefinitions,
        String billingMode,
        long readCapacity,
        long writeCapacity,
        Instant createdAt,
        String tableId) {

    public static final String PAY_PER_REQUEST = "PAY_PER_REQUEST";
    public static final String PROVISIONED = "PROVISIONED";

    /** One attribute of the primary key. */
    public record KeyAttribute(String name, String type) {
    }

    public TableSchema {
        attributeDefinitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributeDefinitions));
    }

    public Set<String> keyNames() {
        return rangeKey.map(r -> Set.of(hashKey.name(), r.name())).orElse(Set.of(hashKey.name()));
    }

    public boolean isKeyAttribute(String attribute) {
        return hashKey.name().equals(attribute) || rangeKey.map(r -> r.name().equals(attribute)).orElse(false);
    }

    public String arn(String region, String accountId) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + name;
    }

    /** DynamoDB's TableDescription. */
    public ObjectNode describe(String region, String accountId, String status, long itemCount, long sizeBytes) {
        ObjectNode table = Json.object();
        ArrayNode definitions = table.putArray("AttributeDefinitions");
        attributeDefinitions.forEach((attribute, type) ->
                definitions.addObject().put("AttributeName", attribute).put("AttributeType", type));
        table.put("TableName", name);
        ArrayNode keySchema = table.putArray("KeySchema");
        keySchema.addObject().put("AttributeName", hashKey.name()).put("KeyType", "HASH");
        rangeKey.ifPresent(r -> keySchema.addObject().put("AttributeName", r.name()).put("KeyType", "RANGE"));
        table.put("TableStatus", status);
        table.put("CreationDateTime", epochSeconds(createdAt));
        table.putObject("ProvisionedThroughput")
                .put("NumberOfDecreasesToday", 0)
                .put("ReadCapacityUnits", readCapacity)
                .put("WriteCapacityUnits", writeCapacity);
        table.put("TableSizeBytes", sizeBytes);
        table.put("ItemCount", itemCount);
        table.put("TableArn", arn(region, accountId));
        table.put("TableId", tableId);
        ObjectNode billing = table.putObject("BillingModeSummary").put("BillingMode", billingMode);
        if (PAY_PER_REQUEST.equals(billingMode)) {
            billing.put("LastUpdateToPayPerRequestDateTime", epochSeconds(createdAt));
        }
        table.put("DeletionProtectionEnabled", false);
        return table;
    }

    /** The form kept on disk. */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("name", name);
        node.putObject("hashKey").put("name", hashKey.name()).put("type", hashKey.type());
        rangeKey.ifPresent(r -> node.putObject("rangeKey").put("name", r.name()).put("type", r.type()));
        ObjectNode definitions = node.putObject("attributeDefinitions");
        attributeDefinitions.forEach(definitions::put);
        node.put("billingMode", billingMode);
        node.put("readCapacity", readCapacity);
        node.put("writeCapacity", writeCapacity);
        node.put("createdAt", createdAt.toString());
        node.put("tableId", tableId);
        return node;
    }

    public static TableSchema fromJson(JsonNode node) {
        Map<String, String> definitions = new LinkedHashMap<>();
        node.get("attributeDefinitions").properties().forEach(e -> definitions.put(e.getKey(), e.getValue().asText()));
        JsonNode range = node.get("rangeKey");
        return new TableSchema(
                node.get("name").asText(),
                new KeyAttribute(node.get("hashKey").get("name").asText(), node.get("hashKey").get("type").asText()),
                range == null ? Optional.empty()
                        : Optional.of(new KeyAttribute(range.get("name").asText(), range.get("type").asText())),
                definitions,
                node.get("billingMode").asText(),
                node.get("readCapacity").asLong(),
                node.get("writeCapacity").asLong(),
                Instant.parse(node.get("createdAt").asText()),
                node.get("tableId").asText());
    }

    /** The key attributes of a full item, in key schema order. */
    public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(hashKey.name(), item.get(hashKey.name()));
        rangeKey.ifPresent(r -> key.put(r.name(), item.get(r.name())));
        return key;
    }

    public PrimaryKey primaryKeyOf(Map<String, AttributeValue> item) {
        return PrimaryKey.of(item.get(hashKey.name()), rangeKey.map(r -> item.get(r.name())).orElse(null));
    }

    /**
     * Checks that an item to put carries the key attributes with the declared types.
     *
     * @return the item's primary key
     */
    public PrimaryKey validateItem(Map<String, AttributeValue> item) {
        for (KeyAttribute key : keys()) {
            AttributeValue value = item.get(key.name());
            if (value == null) {
                throw DynamoDbErrors.invalidParameter("Missing the key " + key.name() + " in the item");
            }
            if (!value.type().equals(key.type())) {
                throw DynamoDbErrors.invalidParameter("Type mismatch for key " + key.name() + " expected: "
                        + key.type() + " actual: " + value.type());
            }
            requireNonEmptyKeyValue(key.name(), value);
        }
        return primaryKeyOf(item);
    }

    /** Checks a {@code Key} parameter: exactly the key attributes, with the declared types. */
    public PrimaryKey validateKey(Map<String, AttributeValue> key) {
        if (key.size() != keys().size()) {
            throw DynamoDbErrors.keyMismatch();
        }
        for (KeyAttribute attribute : keys()) {
            AttributeValue value = key.get(attribute.name());
            if (value == null || !value.type().equals(attribute.type())) {
                throw DynamoDbErrors.keyMismatch();
            }
            requireNonEmptyKeyValue(attribute.name(), value);
        }
        return primaryKeyOf(key);
    }

    public List<KeyAttribute> keys() {
        List<KeyAttribute> keys = new ArrayList<>(2);
        keys.add(hashKey);
        rangeKey.ifPresent(keys::add);
        return keys;
    }

    private static void requireNonEmptyKeyValue(String name, AttributeValue value) {
        if (value instanceof AttributeValue.S(String s) && s.isEmpty()) {
            throw DynamoDbErrors.validation("One or more parameter values are not valid. The AttributeValue for a key attribute "
                    + "cannot contain an empty string value. Key: " + name);
        }
        if (value instanceof AttributeValue.B(Bytes b) && b.length() == 0) {
            throw DynamoDbErrors.validation("One or more parameter values are not valid. The AttributeValue for a key attribute "
                    + "cannot contain an empty binary value. Key: " + name);
        }
    }

    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
