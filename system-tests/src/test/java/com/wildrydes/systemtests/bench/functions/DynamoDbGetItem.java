package com.wildrydes.systemtests.bench.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.util.Map;

/**
 * Builds a DynamoDB client with the HTTP client {@code HTTP_CLIENT} names and reads one unicorn
 * from {@code TABLE_NAME} per invoke: what a typical function does on its first call, so its cold
 * start shows what the JIT and the HTTP client cost.
 */
public final class DynamoDbGetItem implements RequestHandler<Map<String, Object>, String> {

    /** The values {@code HTTP_CLIENT} may take. */
    public static final String URL_CONNECTION = "url-connection";
    public static final String CRT = "crt";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbGetItem() {
        this.tableName = required("TABLE_NAME");
        this.dynamoDb = DynamoDbClient.builder()
                .region(Region.of(required("AWS_REGION")))
                .httpClient(httpClient(required("HTTP_CLIENT")))
                .build();
    }

    private static SdkHttpClient httpClient(String name) {
        return switch (name) {
            case URL_CONNECTION -> UrlConnectionHttpClient.create();
            case CRT -> AwsCrtHttpClient.create();
            default -> throw new IllegalStateException("HTTP_CLIENT '" + name + "' is not supported (supported: "
                    + URL_CONNECTION + ", " + CRT + ")");
        };
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the environment variable " + variable + " is not set");
        }
        return value;
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        GetItemResponse response = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(Map.of("Name", AttributeValue.fromS("Shadowfax"))));
        return response.hasItem() ? response.item().get("Color").s() : "no such unicorn";
    }
}
