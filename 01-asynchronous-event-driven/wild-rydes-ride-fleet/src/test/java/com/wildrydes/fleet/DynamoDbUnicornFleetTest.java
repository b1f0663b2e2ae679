package com.wildrydes.fleet;

import static com.wildrydes.fleet.FakeDynamoDb.unicornItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbUnicornFleetTest {

    private static final String TABLE = "wild-rydes-ride-fleet-UnicornsTable-1RX3K8QZ7T2M";

    @Test
    void scansTheConfiguredTableAndFollowsEveryPage() {
        var dynamoDb = new FakeDynamoDb()
                .withScanPage(List.of(unicornItem("Bucephalus", "Golden", "a5386b78-c840-4414-b79d-6e85165fc2d4")))
                .withScanPage(List.of(unicornItem("Shadowfax", "White", "f15adbd8-793d-4698-b68d-bd02e8bf2596")));

        var unicorns = new DynamoDbUnicornFleet(dynamoDb, TABLE).all();

        assertThat(unicorns).containsExactly(
                new Unicorn("Bucephalus", "Golden", "a5386b78-c840-4414-b79d-6e85165fc2d4"),
                new Unicorn("Shadowfax", "White", "f15adbd8-793d-4698-b68d-bd02e8bf2596"));
        assertThat(dynamoDb.scans).hasSize(2).allSatisfy(scan -> assertThat(scan.tableName()).isEqualTo(TABLE));
        assertThat(dynamoDb.scans.get(0).exclusiveStartKey()).isEmpty();
        assertThat(dynamoDb.scans.get(1).exclusiveStartKey()).containsEntry("Name", AttributeValue.fromS("page-0"));
    }

    @Test
    void skipsItemsThatAreNotUnicorns() {
        var dynamoDb = new FakeDynamoDb().withScanPage(List.of(
                Map.of("Name", AttributeValue.fromS("Glue Factory")),
                Map.of("Name", AttributeValue.fromS("Pegasus"), "Color", AttributeValue.fromN("7"),
                        "DeviceId", AttributeValue.fromS("0d9c0f4e-1a34-4c47-a0e6-3f5d2b7c9e11")),
                unicornItem("Rocinante", "Yellow", "81af4b47-f7da-4fda-bf26-a64ec6928ae9")));

        assertThat(new DynamoDbUnicornFleet(dynamoDb, TABLE).all()).extracting(Unicorn::name)
                .containsExactly("Rocinante");
    }

    @Test
    void anEmptyTableIsAnEmptyFleet() {
        assertThat(new DynamoDbUnicornFleet(new FakeDynamoDb().withScanPage(List.of()), TABLE).all()).isEmpty();
    }

    @Test
    void putWritesOneItemKeyedByNameWithEveryAttributeAsAString() {
        var dynamoDb = new FakeDynamoDb();

        new DynamoDbUnicornFleet(dynamoDb, TABLE)
                .put(new Unicorn("Shadowfax", "White", "f15adbd8-793d-4698-b68d-bd02e8bf2596"));

        assertThat(dynamoDb.puts).singleElement().satisfies(put -> {
            assertThat(put.tableName()).isEqualTo(TABLE);
            assertThat(put.item()).containsExactlyInAnyOrderEntriesOf(
                    unicornItem("Shadowfax", "White", "f15adbd8-793d-4698-b68d-bd02e8bf2596"));
            // Unconditional on purpose: seeding again must simply overwrite.
            assertThat(put.conditionExpression()).isNull();
        });
    }

    @Test
    void dynamoDbFailuresReachTheCaller() {
        var fleet = new DynamoDbUnicornFleet(new FakeDynamoDb().failingWith(FakeDynamoDb.unreachable()), TABLE);

        assertThatThrownBy(fleet::all).isInstanceOf(SdkClientException.class);
    }
}
