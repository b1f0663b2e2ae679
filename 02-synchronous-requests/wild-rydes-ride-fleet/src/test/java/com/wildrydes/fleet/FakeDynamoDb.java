package com.wildrydes.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** A DynamoDbClient that records the requests it gets and answers scans from prepared pages. */
final class FakeDynamoDb implements DynamoDbClient {

    final List<ScanRequest> scans = new ArrayList<>();
    final List<PutItemRequest> puts = new ArrayList<>();
    private final List<List<Map<String, AttributeValue>>> scanPages = new ArrayList<>();
    private RuntimeException failure;

    /** Each call adds one page; every page but the last says there is more to read. */
    FakeDynamoDb withScanPage(List<Map<String, AttributeValue>> items) {
        scanPages.add(items);
        return this;
    }

    FakeDynamoDb failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    static SdkClientException unreachable() {
        return SdkClientException.create("Unable to execute HTTP request: Connection refused");
    }

    static Map<String, AttributeValue> unicornItem(String name, String color, String deviceId) {
        return Map.of("Name", AttributeValue.fromS(name), "Color", AttributeValue.fromS(color),
                "DeviceId", AttributeValue.fromS(deviceId));
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        scans.add(request);
        if (failure != null) {
            throw failure;
        }
        // Like DynamoDB, the start key says where to continue, so each new scan starts again at the first page.
        int page = request.hasExclusiveStartKey()
                ? Integer.parseInt(request.exclusiveStartKey().get("Name").s().substring("page-".length())) + 1
                : 0;
        var items = page < scanPages.size() ? scanPages.get(page) : List.<Map<String, AttributeValue>>of();
        var response = ScanResponse.builder().items(items).count(items.size());
        if (page < scanPages.size() - 1) {
            response.lastEvaluatedKey(Map.of("Name", AttributeValue.fromS("page-" + page)));
        }
        return response.build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        if (failure != null) {
            throw failure;
        }
        puts.add(request);
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
