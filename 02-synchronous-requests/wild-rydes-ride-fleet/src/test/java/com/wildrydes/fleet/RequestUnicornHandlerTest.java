package com.wildrydes.fleet;

import static com.wildrydes.fleet.FakeDynamoDb.unicornItem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class RequestUnicornHandlerTest {

    private static final String TABLE = "wild-rydes-ride-fleet-UnicornsTable-1RX3K8QZ7T2M";

    private static RequestUnicornHandler handlerOver(FakeDynamoDb dynamoDb) {
        return new RequestUnicornHandler(
                new UnicornDispatcher(new DynamoDbUnicornFleet(dynamoDb, TABLE), new SplittableRandom(7)));
    }

    private static JsonObject bodyOf(APIGatewayProxyResponseEvent response) {
        return JsonParser.parseString(response.getBody()).getAsJsonObject();
    }

    private static void assertJsonForAnyOrigin(APIGatewayProxyResponseEvent response) {
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("Access-Control-Allow-Origin", "*");
    }

    @ParameterizedTest
    @Event(value = "apigw/get_unicorn.json", type = APIGatewayProxyRequestEvent.class)
    void answersWithOneUnicornOfTheFleetInTheContractShape(APIGatewayProxyRequestEvent request) {
        var dynamoDb = new FakeDynamoDb().withScanPage(List.of(
                unicornItem("Bucephalus", "Golden", "a5386b78-c840-4414-b79d-6e85165fc2d4"),
                unicornItem("Shadowfax", "White", "f15adbd8-793d-4698-b68d-bd02e8bf2596")));

        var response = handlerOver(dynamoDb).handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertJsonForAnyOrigin(response);
        var unicorn = bodyOf(response);
        assertThat(unicorn.keySet()).containsExactlyInAnyOrder("Name", "Color", "DeviceId");
        assertThat(List.of(unicorn.get("Name").getAsString() + "/" + unicorn.get("Color").getAsString()
                + "/" + unicorn.get("DeviceId").getAsString()))
                .containsAnyOf("Bucephalus/Golden/a5386b78-c840-4414-b79d-6e85165fc2d4",
                        "Shadowfax/White/f15adbd8-793d-4698-b68d-bd02e8bf2596");
        assertThat(dynamoDb.scans).singleElement().extracting(scan -> scan.tableName()).isEqualTo(TABLE);
    }

    @ParameterizedTest
    @Event(value = "apigw/get_unicorn.json", type = APIGatewayProxyRequestEvent.class)
    void everyUnicornOfTheFleetGetsSentSooner(APIGatewayProxyRequestEvent request) {
        var handler = handlerOver(new FakeDynamoDb().withScanPage(List.of(
                unicornItem("Bucephalus", "Golden", "a5386b78-c840-4414-b79d-6e85165fc2d4"),
                unicornItem("Shadowfax", "White", "f15adbd8-793d-4698-b68d-bd02e8bf2596"),
                unicornItem("Rocinante", "Yellow", "81af4b47-f7da-4fda-bf26-a64ec6928ae9"))));

        var names = IntStream.range(0, 60)
                .mapToObj(i -> bodyOf(handler.handleRequest(request, null)).get("Name").getAsString())
                .distinct().toList();

        assertThat(names).containsExactlyInAnyOrder("Bucephalus", "Shadowfax", "Rocinante");
    }

    @ParameterizedTest
    @Event(value = "apigw/get_unicorn.json", type = APIGatewayProxyRequestEvent.class)
    void anEmptyFleetIsServiceUnavailableNotACrash(APIGatewayProxyRequestEvent request) {
        var response = handlerOver(new FakeDynamoDb().withScanPage(List.of())).handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertJsonForAnyOrigin(response);
        assertThat(bodyOf(response).get("error").getAsString()).isEqualTo("NoUnicornAvailable");
        assertThat(bodyOf(response).get("message").getAsString()).contains("fleet is empty");
    }

    @ParameterizedTest
    @Event(value = "apigw/get_unicorn.json", type = APIGatewayProxyRequestEvent.class)
    void anUnreachableTableIsServiceUnavailableWithoutInternals(APIGatewayProxyRequestEvent request) {
        var response = handlerOver(new FakeDynamoDb().failingWith(FakeDynamoDb.unreachable()))
                .handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertJsonForAnyOrigin(response);
        assertThat(bodyOf(response).get("error").getAsString()).isEqualTo("FleetUnavailable");
        assertThat(response.getBody()).doesNotContain("Connection refused").doesNotContain("Exception");
    }

    @ParameterizedTest
    @Event(value = "apigw/get_unicorn.json", type = APIGatewayProxyRequestEvent.class)
    void aMissingTableIsAlsoADependencyFailure(APIGatewayProxyRequestEvent request) {
        var missing = ResourceNotFoundException.builder().message("Requested resource not found").build();

        var response = handlerOver(new FakeDynamoDb().failingWith(missing)).handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(bodyOf(response).get("error").getAsString()).isEqualTo("FleetUnavailable");
    }

    @ParameterizedTest
    @Event(value = "apigw/get_unicorn.json", type = APIGatewayProxyRequestEvent.class)
    void anUnexpectedFailureIsAJsonInternalError(APIGatewayProxyRequestEvent request) {
        var response = handlerOver(new FakeDynamoDb().failingWith(new IllegalStateException("boom")))
                .handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertJsonForAnyOrigin(response);
        assertThat(bodyOf(response).get("error").getAsString()).isEqualTo("InternalError");
        assertThat(response.getBody()).doesNotContain("boom");
    }
}
