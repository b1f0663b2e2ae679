package com.wildrydes.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The fleet in the UnicornsTable: one item per unicorn, keyed by Name. */
public final class DynamoDbUnicornFleet implements UnicornFleet {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbUnicornFleet(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public List<Unicorn> all() {
        // A Scan is fine for a fleet of a handful of unicorns; the paginator follows LastEvaluatedKey if it grows.
        var unicorns = new ArrayList<Unicorn>();
        for (var item : dynamoDb.scanPaginator(scan -> scan.tableName(tableName)).items()) {
            toUnicorn(item).ifPresent(unicorns::add);
        }
        return unicorns;
    }

    @Override
    public void put(Unicorn unicorn) {
        dynamoDb.putItem(put -> put.tableName(tableName).item(Map.of(
                "Name", text(unicorn.name()),
                "Color", text(unicorn.color()),
                "DeviceId", text(unicorn.deviceId()))));
    }

    /** An item edited by hand into something that is not a unicorn is skipped: the rest of the fleet still rides. */
    private Optional<Unicorn> toUnicorn(Map<String, AttributeValue> item) {
        try {
            return Optional.of(new Unicorn(textOf(item, "Name"), textOf(item, "Color"), textOf(item, "DeviceId")));
        } catch (IllegalArgumentException notAUnicorn) {
            FunctionLog.info("Skipping item " + item.get("Name") + " of " + tableName + ": "
                    + notAUnicorn.getMessage());
            return Optional.empty();
        }
    }

    private static String textOf(Map<String, AttributeValue> item, String attribute) {
        var value = item.get(attribute);
        return value == null ? null : value.s();
    }

    private static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }
}
