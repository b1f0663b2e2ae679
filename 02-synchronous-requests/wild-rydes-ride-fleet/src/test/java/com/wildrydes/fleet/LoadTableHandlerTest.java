package com.wildrydes.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadTableHandlerTest {

    private static final String TABLE = "wild-rydes-ride-fleet-UnicornsTable-1RX3K8QZ7T2M";
    private static final String STACK_ID = "arn:aws:cloudformation:us-east-1:123456789012:stack/"
            + "wild-rydes-ride-fleet/1f0c6a20-ac5b-11f0-9d2e-0affd3c4b5e1";

    private final ResponseUrlServer cloudFormation = ResponseUrlServer.start();
    private final FakeDynamoDb dynamoDb = new FakeDynamoDb();

    @AfterEach
    void stopServer() {
        cloudFormation.close();
    }

    private LoadTableHandler handler() {
        return new LoadTableHandler(
                new UnicornSeedResource(table -> new DynamoDbUnicornFleet(dynamoDb, table), SeedFleet::load),
                CustomResourceResponder.withBackoff(Duration.ofMillis(10)));
    }

    /** A real CloudFormation event, read the way the Lambda runtime reads it, pointed at the local server. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> event(String fixture) {
        var event = new HashMap<String, Object>(EventLoader.loadEvent(fixture, Map.class));
        event.put("ResponseURL", cloudFormation.url());
        return event;
    }

    private JsonObject onlyResponse() {
        assertThat(cloudFormation.received).hasSize(1);
        return JsonParser.parseString(cloudFormation.received.getFirst().body()).getAsJsonObject();
    }

    @Test
    void createPutsTheSeedFleetAndReportsSuccessToTheResponseUrl() {
        var status = handler().handleRequest(event("cfn/create.json"), null);

        assertThat(status).isEqualTo("SUCCESS");
        assertThat(dynamoDb.puts).hasSize(3).allSatisfy(put -> assertThat(put.tableName()).isEqualTo(TABLE));
        assertThat(dynamoDb.puts).extracting(put -> put.item().get("Name").s())
                .containsExactlyInAnyOrder("Bucephalus", "Shadowfax", "Rocinante");

        var request = cloudFormation.received.getFirst();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.pathAndQuery()).startsWith("/cfn-response/SeedUnicorns?X-Amz-SignedHeaders=host");
        assertThat(request.headers().containsKey("Content-Type")).as("no Content-Type header").isFalse();
        assertThat(request.headers().getFirst("Content-Length")).isEqualTo(
                String.valueOf(request.body().getBytes(StandardCharsets.UTF_8).length));

        var response = onlyResponse();
        assertThat(response.get("Status").getAsString()).isEqualTo("SUCCESS");
        assertThat(response.get("PhysicalResourceId").getAsString()).isEqualTo(TABLE + "-seed");
        assertThat(response.get("StackId").getAsString()).isEqualTo(STACK_ID);
        assertThat(response.get("RequestId").getAsString()).isEqualTo("8e5d2f4c-0b7a-4c1e-9a3d-6f2b1e8c7d90");
        assertThat(response.get("LogicalResourceId").getAsString()).isEqualTo("SeedUnicorns");
        assertThat(response.getAsJsonObject("Data").get("UnicornCount").getAsInt()).isEqualTo(3);
        assertThat(response.get("Reason").getAsString()).contains("3 unicorns", TABLE);
    }

    @Test
    void updatePutsTheFleetAgainAndKeepsTheSamePhysicalId() {
        var status = handler().handleRequest(event("cfn/update.json"), null);

        assertThat(status).isEqualTo("SUCCESS");
        assertThat(dynamoDb.puts).hasSize(3);
        var response = onlyResponse();
        assertThat(response.get("Status").getAsString()).isEqualTo("SUCCESS");
        assertThat(response.get("PhysicalResourceId").getAsString()).isEqualTo(TABLE + "-seed");
        assertThat(response.get("RequestId").getAsString()).isEqualTo("3a9c7e1b-5d2f-4e8a-b6c4-0d1f2e3a4b5c");
    }

    @Test
    void seedingTwiceWritesTheSameItemsBothTimes() {
        handler().handleRequest(event("cfn/create.json"), null);
        handler().handleRequest(event("cfn/update.json"), null);

        assertThat(dynamoDb.puts.subList(0, 3)).extracting(put -> put.item())
                .containsExactlyElementsOf(dynamoDb.puts.subList(3, 6).stream().map(put -> put.item()).toList());
    }

    @Test
    void deleteLeavesTheDataAloneAndReportsSuccessWithTheSameId() {
        var status = handler().handleRequest(event("cfn/delete.json"), null);

        assertThat(status).isEqualTo("SUCCESS");
        assertThat(dynamoDb.puts).isEmpty();
        var response = onlyResponse();
        assertThat(response.get("Status").getAsString()).isEqualTo("SUCCESS");
        assertThat(response.get("PhysicalResourceId").getAsString()).isEqualTo(TABLE + "-seed");
        assertThat(response.get("RequestId").getAsString()).isEqualTo("b7e4c2a9-1f3d-4a6b-8c5e-2d9f0a1b3c4e");
    }

    @Test
    void deleteSucceedsEvenWhenNothingElseWould() {
        dynamoDb.failingWith(FakeDynamoDb.unreachable());
        var event = event("cfn/delete.json");
        event.put("ResourceProperties", Map.of());

        assertThat(handler().handleRequest(event, null)).isEqualTo("SUCCESS");
        assertThat(onlyResponse().get("Status").getAsString()).isEqualTo("SUCCESS");
    }

    @Test
    void aDynamoDbFailureOnCreateIsReportedAsFailedWithTheReason() {
        dynamoDb.failingWith(FakeDynamoDb.unreachable());

        var status = handler().handleRequest(event("cfn/create.json"), null);

        assertThat(status).isEqualTo("FAILED");
        var response = onlyResponse();
        assertThat(response.get("Status").getAsString()).isEqualTo("FAILED");
        assertThat(response.get("Reason").getAsString()).contains(TABLE, "Connection refused");
        assertThat(response.get("PhysicalResourceId").getAsString()).isEqualTo(TABLE + "-seed");
        assertThat(response.get("RequestId").getAsString()).isEqualTo("8e5d2f4c-0b7a-4c1e-9a3d-6f2b1e8c7d90");
        assertThat(response.has("Data")).isFalse();
    }

    @Test
    void aCreateWithoutTableNameFailsNamingTheProperty() {
        var event = event("cfn/create.json");
        event.put("ResourceProperties", Map.of("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:x"));

        assertThat(handler().handleRequest(event, null)).isEqualTo("FAILED");
        assertThat(onlyResponse().get("Reason").getAsString()).contains("TableName");
        assertThat(onlyResponse().get("PhysicalResourceId").getAsString()).isEqualTo("SeedUnicorns-seed");
        assertThat(dynamoDb.puts).isEmpty();
    }

    @Test
    void anUnknownRequestTypeFailsListingTheSupportedOnes() {
        var event = event("cfn/create.json");
        event.put("RequestType", "Import");

        assertThat(handler().handleRequest(event, null)).isEqualTo("FAILED");
        assertThat(onlyResponse().get("Reason").getAsString()).contains("'Import'", "Create, Update, Delete");
        assertThat(dynamoDb.puts).isEmpty();
    }

    @Test
    void aResponseUrlHiccupIsRetried() {
        cloudFormation.answering(503, 500);

        assertThat(handler().handleRequest(event("cfn/create.json"), null)).isEqualTo("SUCCESS");
        assertThat(cloudFormation.received).hasSize(3)
                .extracting(ResponseUrlServer.Received::body).containsOnly(cloudFormation.received.getFirst().body());
    }

    @Test
    void aResponseThatCannotBeDeliveredFailsTheInvocationAfterThreeAttempts() {
        cloudFormation.answering(403, 403, 403, 403);

        assertThatThrownBy(() -> handler().handleRequest(event("cfn/create.json"), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("HTTP 403");
        assertThat(cloudFormation.received).hasSize(3);
    }

    @Test
    void anEventWithoutResponseUrlIsRejectedBeforeAnyWork() {
        var event = event("cfn/create.json");
        event.remove("ResponseURL");

        assertThatThrownBy(() -> handler().handleRequest(event, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ResponseURL");
        assertThat(dynamoDb.puts).isEmpty();
        assertThat(cloudFormation.received).isEmpty();
    }

    @Test
    void theSeededItemsAreTheSeedFile() {
        handler().handleRequest(event("cfn/create.json"), null);

        assertThat(dynamoDb.puts).extracting(put -> put.item())
                .containsExactlyElementsOf(SeedFleet.load().stream()
                        .map(unicorn -> FakeDynamoDb.unicornItem(unicorn.name(), unicorn.color(), unicorn.deviceId()))
                        .toList());
    }
}
