package com.wildrydes.record;

import static com.wildrydes.record.Rides.SHADOWFAX_RIDE;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkClientException;

class PutRideRecordHandlerTest {

    private final InMemoryRideRepository repository = new InMemoryRideRepository();
    private final PutRideRecordHandler handler = new PutRideRecordHandler(new RideRecordService(repository));

    private static JsonObject bodyOf(APIGatewayProxyResponseEvent response) {
        return JsonParser.parseString(response.getBody()).getAsJsonObject();
    }

    private static void assertJsonForAnyOrigin(APIGatewayProxyResponseEvent response) {
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("Access-Control-Allow-Origin", "*");
    }

    private static void assertError(APIGatewayProxyResponseEvent response, int status, String error) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertJsonForAnyOrigin(response);
        assertThat(bodyOf(response).keySet()).containsExactlyInAnyOrder("error", "message");
        assertThat(bodyOf(response).get("error").getAsString()).isEqualTo(error);
    }

    @ParameterizedTest
    @Event(value = "apigw/post_record.json", type = APIGatewayProxyRequestEvent.class)
    void recordsTheRideAndAnswersCreatedWithItsId(APIGatewayProxyRequestEvent request) {
        var response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertJsonForAnyOrigin(response);
        assertThat(JsonParser.parseString(response.getBody())).isEqualTo(JsonParser.parseString(
                "{\"success\": true, \"RideId\": \"3f1c2b7e-9a4d-4e8b-b2c6-5d7e8f9a0b1c\"}"));
        assertThat(repository.rides).containsValue(SHADOWFAX_RIDE).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "apigw/post_record.json", type = APIGatewayProxyRequestEvent.class)
    void theSameRideTwiceIsCreatedTwiceAndStoredOnce(APIGatewayProxyRequestEvent request) {
        var first = handler.handleRequest(request, null);
        var repeat = handler.handleRequest(request, null);

        assertThat(repeat.getStatusCode()).isEqualTo(201);
        assertThat(repeat.getBody()).isEqualTo(first.getBody());
        assertThat(repository.rides).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "apigw/post_record.json", type = APIGatewayProxyRequestEvent.class)
    void anotherRideUnderTheSameRideIdIsAConflict(APIGatewayProxyRequestEvent request) {
        repository.save(Rides.withUnicorn(SHADOWFAX_RIDE, "Bucephalus"));

        var response = handler.handleRequest(request, null);

        assertError(response, 409, "RideIdConflict");
        assertThat(bodyOf(response).get("message").getAsString()).contains(SHADOWFAX_RIDE.rideId());
        assertThat(repository.rides.get(SHADOWFAX_RIDE.rideId()).unicorn().name()).isEqualTo("Bucephalus");
    }

    @ParameterizedTest
    @Event(value = "apigw/post_record_base64.json", type = APIGatewayProxyRequestEvent.class)
    void readsABase64EncodedBody(APIGatewayProxyRequestEvent request) {
        assertThat(handler.handleRequest(request, null).getStatusCode()).isEqualTo(201);
        assertThat(repository.rides).containsValue(SHADOWFAX_RIDE);
    }

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                Arguments.of("apigw/post_record_nobody.json", "MissingBody", "no body"),
                Arguments.of("apigw/post_record_bad_json.json", "MalformedJson", "not valid JSON"),
                Arguments.of("apigw/post_record_not_object.json", "MalformedJson", "object (a Ride), not an array"),
                Arguments.of("apigw/post_record_wrong_types.json", "InvalidRide", "PickupLocation.Latitude"),
                Arguments.of("apigw/post_record_out_of_range.json", "InvalidRide", "PickupLocation.Longitude"),
                Arguments.of("apigw/post_record_missing_unicorn.json", "InvalidRide", "Unicorn is required"),
                Arguments.of("apigw/post_record_empty_unicorn_name.json", "InvalidRide", "Unicorn.Name"),
                Arguments.of("apigw/post_record_bad_ride_id.json", "InvalidRide", "RideId must be a UUID"),
                Arguments.of("apigw/post_record_bad_request_time.json", "InvalidRide", "RequestTime"));
    }

    @ParameterizedTest(name = "{0} -> 400 {1}")
    @MethodSource("refusedRequests")
    void refusesABadRequestNamingTheProblemAndStoresNothing(String fixture, String error, String namedProblem) {
        var response = handler.handleRequest(EventLoader.loadApiGatewayRestEvent(fixture), null);

        assertError(response, 400, error);
        assertThat(bodyOf(response).get("message").getAsString()).contains(namedProblem);
        assertThat(repository.rides).isEmpty();
    }

    @ParameterizedTest(name = "Content-Type {0} -> 415")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml; charset=utf-8", ""})
    void refusesABodyThatIsNotDeclaredAsJsonAndStoresNothing(String contentType) {
        var request = EventLoader.loadApiGatewayRestEvent("apigw/post_record.json");
        request.setHeaders(Map.of("content-type", contentType));
        request.setMultiValueHeaders(Map.of("content-type", List.of(contentType)));

        var response = handler.handleRequest(request, null);

        assertError(response, 415, "UnsupportedMediaType");
        assertThat(bodyOf(response).get("message").getAsString()).contains("'" + contentType + "'", "application/json");
        assertThat(repository.rides).isEmpty();
    }

    @ParameterizedTest(name = "Content-Type {0} is JSON")
    @ValueSource(strings = {"application/json", "Application/JSON; charset=UTF-8"})
    void takesJsonWithAnyCaseAndParameters(String contentType) {
        var request = EventLoader.loadApiGatewayRestEvent("apigw/post_record.json");
        request.setHeaders(Map.of("Content-Type", contentType));
        request.setMultiValueHeaders(null);

        assertThat(handler.handleRequest(request, null).getStatusCode()).isEqualTo(201);
        assertThat(repository.rides).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "apigw/post_record.json", type = APIGatewayProxyRequestEvent.class)
    void aBlankBodyIsAMissingBody(APIGatewayProxyRequestEvent request) {
        request.setBody(" \n ");

        assertError(handler.handleRequest(request, null), 400, "MissingBody");
    }

    @ParameterizedTest
    @Event(value = "apigw/post_record.json", type = APIGatewayProxyRequestEvent.class)
    void aBodyOver64KilobytesIsTooLargeEvenWhenItIsAValidRide(APIGatewayProxyRequestEvent request) {
        // 33,000 characters but 66,000 bytes: the limit is on bytes.
        var padding = "\"Notes\": \"" + "é".repeat(33_000) + "\", ";
        request.setBody(request.getBody().replaceFirst("\\{", "{" + padding));

        var response = handler.handleRequest(request, null);

        assertError(response, 413, "PayloadTooLarge");
        assertThat(bodyOf(response).get("message").getAsString()).contains("65536");
        assertThat(repository.rides).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "apigw/post_record.json", type = APIGatewayProxyRequestEvent.class)
    void aBodyOfExactly64KilobytesIsStillRead(APIGatewayProxyRequestEvent request) {
        var body = request.getBody();
        var fill = PutRideRecordHandler.MAX_BODY_BYTES - body.length() - "\"Notes\": \"\", ".length();
        request.setBody(body.replaceFirst("\\{", "{\"Notes\": \"" + "x".repeat(fill) + "\", "));

        assertThat(request.getBody().length()).isEqualTo(PutRideRecordHandler.MAX_BODY_BYTES);
        assertThat(handler.handleRequest(request, null).getStatusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @Event(value = "apigw/post_record.json", type = APIGatewayProxyRequestEvent.class)
    void anUnreachableTableIsServiceUnavailableWithoutInternals(APIGatewayProxyRequestEvent request) {
        var handler = new PutRideRecordHandler(new RideRecordService(
                new InMemoryRideRepository().failingWith(SdkClientException.create("Connection refused"))));

        var response = handler.handleRequest(request, null);

        assertError(response, 503, "RecordStoreUnavailable");
        assertThat(response.getBody()).doesNotContain("Connection refused").doesNotContain("Exception");
    }

    @ParameterizedTest
    @Event(value = "apigw/post_record.json", type = APIGatewayProxyRequestEvent.class)
    void anUnexpectedFailureIsAJsonInternalError(APIGatewayProxyRequestEvent request) {
        var handler = new PutRideRecordHandler(new RideRecordService(
                new InMemoryRideRepository().failingWith(new IllegalStateException("stored item is not a ride"))));

        var response = handler.handleRequest(request, null);

        assertError(response, 500, "InternalError");
        assertThat(response.getBody()).doesNotContain("stored item");
    }

    @ParameterizedTest
    @Event(value = "apigw/post_record.json", type = APIGatewayProxyRequestEvent.class)
    void recordsThroughTheDynamoDbAdapterEndToEnd(APIGatewayProxyRequestEvent request) {
        var dynamoDb = new FakeDynamoDb();
        var handler = new PutRideRecordHandler(
                new RideRecordService(new DynamoDbRideRepository(dynamoDb, "RideRecordTable")));

        assertThat(handler.handleRequest(request, null).getStatusCode()).isEqualTo(201);
        assertThat(handler.handleRequest(request, null).getStatusCode()).isEqualTo(201);
        request.setBody(request.getBody().replace("Shadowfax", "Rocinante"));
        assertThat(handler.handleRequest(request, null).getStatusCode()).isEqualTo(409);

        assertThat(dynamoDb.puts).hasSize(3);
        assertThat(dynamoDb.items).hasSize(1);
    }
}
