package com.wildrydes.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Rides in the RideRecordTable, one item per RideId. A single conditional PutItem both stores a new ride and, when
 * the RideId is taken, returns the stored item, so telling a retry from a conflict needs no extra read.
 */
public final class DynamoDbRideRepository implements RideRepository {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbRideRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public SaveResult save(Ride ride) {
        var put = PutItemRequest.builder()
                .tableName(tableName)
                .item(toItem(ride))
                .conditionExpression("attribute_not_exists(RideId)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        try {
            dynamoDb.putItem(put);
            return new SaveResult.Saved();
        } catch (ConditionalCheckFailedException taken) {
            if (!taken.hasItem() || taken.item().isEmpty()) {
                throw new IllegalStateException("RideId " + ride.rideId() + " is taken, but " + tableName
                        + " did not return the stored item although ALL_OLD was asked for");
            }
            return new SaveResult.AlreadyStored(toRide(taken.item()));
        }
    }

    /** The item layout: the ride's own shape, plus UnicornName at the top level so rides can be queried by it. */
    static Map<String, AttributeValue> toItem(Ride ride) {
        var unicorn = ride.unicorn();
        var location = ride.pickupLocation();
        return Map.of(
                "RideId", AttributeValue.fromS(ride.rideId()),
                "Unicorn", AttributeValue.fromM(Map.of(
                        "Name", AttributeValue.fromS(unicorn.name()),
                        "Color", AttributeValue.fromS(unicorn.color()),
                        "DeviceId", AttributeValue.fromS(unicorn.deviceId()))),
                "UnicornName", AttributeValue.fromS(unicorn.name()),
                "RequestTime", AttributeValue.fromS(ride.requestTime().toString()),
                "PickupLocation", AttributeValue.fromM(Map.of(
                        "Latitude", number(location.latitude()),
                        "Longitude", number(location.longitude()))));
    }

    static Ride toRide(Map<String, AttributeValue> item) {
        try {
            var unicorn = item.get("Unicorn").m();
            var location = item.get("PickupLocation").m();
            return new Ride(
                    item.get("RideId").s(),
                    new Unicorn(unicorn.get("Name").s(), unicorn.get("Color").s(), unicorn.get("DeviceId").s()),
                    Instant.parse(item.get("RequestTime").s()),
                    new PickupLocation(
                            Double.parseDouble(location.get("Latitude").n()),
                            Double.parseDouble(location.get("Longitude").n())));
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException("The stored item " + item.get("RideId") + " is not a ride: " + unreadable,
                    unreadable);
        }
    }

    /** Plain decimal notation, which DynamoDB's number type accepts and which reads back as the same double. */
    private static AttributeValue number(double value) {
        return AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString());
    }
}
