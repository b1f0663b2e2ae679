package com.wildrydes.fleet;

import java.util.SplittableRandom;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The dispatcher both ways into the fleet share, GET /unicorn and the direct invoke, built from the function's
 * environment: one DynamoDB client per execution environment.
 */
public final class UnicornDispatchers {

    private UnicornDispatchers() {
    }

    public static UnicornDispatcher fromEnvironment(RequiredEnvironment env) {
        var tableName = env.get("DDB_TABLE_NAME");
        var dynamoDb = DynamoDbClient.builder()
                .region(Region.of(env.get("AWS_REGION")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new UnicornDispatcher(new DynamoDbUnicornFleet(dynamoDb, tableName), new SplittableRandom());
    }
}
