package com.wildrydes.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * A DynamoDbClient that records every PutItem and keeps items by RideId, honouring the one condition the
 * repository uses, attribute_not_exists(RideId), the way DynamoDB does.
 */
final class FakeDynamoDb implements DynamoDbClient {

    final List<PutItemRequest> puts = new ArrayList<>();
    final Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    private RuntimeException failure;
    private boolean withholdOldItem;

    FakeDynamoDb failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    /** Behaves like a DynamoDB that ignores ReturnValuesOnConditionCheckFailure. */
    FakeDynamoDb withholdingTheOldItem() {
        this.withholdOldItem = true;
        return this;
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        puts.add(request);
        if (failure != null) {
            throw failure;
        }
        var rideId = request.item().get("RideId").s();
        var old = items.get(rideId);
        if (old != null && "attribute_not_exists(RideId)".equals(request.conditionExpression())) {
            var refusal = ConditionalCheckFailedException.builder().message("The conditional request failed");
            if (request.returnValuesOnConditionCheckFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD
                    && !withholdOldItem) {
                refusal.item(old);
            }
            throw refusal.build();
        }
        items.put(rideId, request.item());
        return PutItemResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }
}
