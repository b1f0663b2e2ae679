package com.wildrydes.workshop;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashSet;
import java.util.Set;

/** The record table as {@link Load} sees it: one scan of the RideIds per check, which is cheap at workshop sizes. */
public final class DynamoDbRideStore implements Load.RideStore {

    private final DynamoDbClient dynamodb;
    private final String table;

    public DynamoDbRideStore(DynamoDbClient dynamodb, String table) {
        this.dynamodb = dynamodb;
        this.table = table;
    }

    @Override
    public Set<String> notRecorded(Set<String> rideIds) {
        Set<String> missing = new HashSet<>(rideIds);
        dynamodb.scanPaginator(r -> r.tableName(table).projectionExpression("RideId")).items().stream()
                .map(item -> item.getOrDefault("RideId", AttributeValue.fromS("")).s())
                .forEach(missing::remove);
        return missing;
    }
}
