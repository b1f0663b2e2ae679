package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RequestRideHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:41:07.123456789Z");
    /** requestContext.requestId of apigw/request_ride.json. */
    private static final String API_GATEWAY_REQUEST_ID = "c6af9ac6-7b61-4e1f-9a41-93e8d1b2c3f4";

    private final FakeUnicornFleet fleet = new FakeUnicornFleet();
    private final FakeRideRecorder recorder = new FakeRideRecorder();
    private final FakeContext context = new FakeContext();
    private final RequestRideHandler handler =
            new RequestRideHandler(new RideService(fleet, recorder, Clock.fixed(NOW, ZoneOffset.UTC)));

    @ParameterizedTest
    @Event(value = "apigw/request_ride.json", type = APIGatewayProxyRequestEvent.class)
    void booksARideAndAnswers201WithTheRide(APIGatewayProxyRequestEvent request) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(request, context);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertCorsAndJson(response);
        JsonObject ride = json(response);
        assertThat(ride.keySet()).containsExactly("RideId", "Unicorn", "RequestTime", "PickupLocation");
        assertThat(UUID.fromString(ride.get("RideId").getAsString()).version()).isEqualTo(4);
        assertThat(ride.get("RequestTime").getAsString()).isEqualTo("2026-11-27T09:41:07.123Z");
        JsonObject unicorn = ride.getAsJsonObject("Unicorn");
        assertThat(unicorn.get("Name").getAsString()).isEqualTo("Shadowfax");
        assertThat(unicorn.get("Color").getAsString()).isEqualTo("White");
        assertThat(unicorn.get("DeviceId").getAsString()).isEqualTo(FakeUnicornFleet.SHADOWFAX.deviceId());
        JsonObject pickup = ride.getAsJsonObject("PickupLocation");
        assertThat(pickup.get("Latitude").getAsDouble()).isEqualTo(47.6174755835663);
        assertThat(pickup.get("Longitude").getAsDouble()).isEqualTo(-122.28837066650185);

        assertThat(fleet.calls()).isEqualTo(1);
        assertThat(recorder.attempts()).singleElement()
                .satisfies(recorded -> assertThat(JsonCodec.toJson(recorded)).isEqualTo(response.getBody()));
        // API Gateway's request id follows the ride into its event, and the log ties the two together.
        assertThat(recorder.correlationIds()).containsExactly(new CorrelationId(API_GATEWAY_REQUEST_ID));
        assertThat(context.logs()).containsExactly("RequestRide booked: status=201 requestId=" + FakeContext.REQUEST_ID
                + " correlationId=" + API_GATEWAY_REQUEST_ID + " rideId=" + ride.get("RideId").getAsString() + "\n");
    }

    @Test
    void correlatesARequestWithoutAnApiGatewayRequestIdByAFreshUuid() {
        APIGatewayProxyRequestEvent request = validRequest().withRequestContext(null);

        APIGatewayProxyResponseEvent response = handler.handleRequest(request, context);

        assertThat(response.getStatusCode()).isEqualTo(201);
        CorrelationId correlationId = recorder.correlationIds().getFirst();
        assertThat(UUID.fromString(correlationId.value()).version()).isEqualTo(4);
        assertThat(context.logs()).singleElement().asString().contains("correlationId=" + correlationId);
    }

    @ParameterizedTest
    @Events(type = APIGatewayProxyRequestEvent.class, events = {
            @Event("apigw/request_ride_extra_fields.json"),
            @Event("apigw/request_ride_charset.json"),
            @Event("apigw/request_ride_no_content_type.json"),
            @Event("apigw/request_ride_base64.json")})
    void acceptsTheVariantsAValidRequestMayTake(APIGatewayProxyRequestEvent request) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(request, context);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(json(response).getAsJsonObject("PickupLocation").get("Latitude").getAsDouble())
                .isEqualTo(47.6174755835663);
        assertThat(recorder.attempts()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} -> 400 naming \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            request_ride_nobody.json                 | Request body is missing
            request_ride_empty_body.json             | Request body is missing
            request_ride_bad_json.json               | Request body is not valid JSON
            request_ride_lenient_json.json           | Request body is not valid JSON
            request_ride_trailing_content.json       | Request body is not valid JSON
            request_ride_nan.json                    | Request body is not valid JSON
            request_ride_bad_base64.json             | not valid base64
            request_ride_array.json                  | Request body must be a JSON object, got an array
            request_ride_null.json                   | Request body must be a JSON object, got null
            request_ride_string.json                 | Request body must be a JSON object, got a string
            request_ride_no_pickup.json              | PickupLocation is missing
            request_ride_pickup_not_object.json      | PickupLocation must be an object with Latitude and Longitude, got a string
            request_ride_no_latitude.json            | PickupLocation.Latitude is missing
            request_ride_no_longitude.json           | PickupLocation.Longitude is missing
            request_ride_wrong_types.json            | PickupLocation.Latitude must be a number, got a string "47.6"
            request_ride_boolean_longitude.json      | PickupLocation.Longitude must be a number, got a boolean true
            request_ride_object_latitude.json        | PickupLocation.Latitude must be a number, got an object
            request_ride_null_latitude.json          | PickupLocation.Latitude must be a number, got null
            request_ride_non_finite.json             | PickupLocation.Latitude must be a finite number, got 1e999
            request_ride_out_of_range.json           | PickupLocation.Latitude must be between -90 and 90, got 90.5
            request_ride_longitude_out_of_range.json | PickupLocation.Longitude must be between -180 and 180, got -180.01
            """)
    void refusesInvalidRequestsWith400NamingTheProblemAndCallsNoNeighbour(String fixture, String problem) {
        APIGatewayProxyResponseEvent response =
                handler.handleRequest(EventLoader.loadApiGatewayRestEvent("apigw/" + fixture), context);

        assertError(response, 400, "InvalidRequest", problem);
        assertNoNeighbourCalled();
    }

    @ParameterizedTest
    @Event(value = "apigw/request_ride_wrong_method.json", type = APIGatewayProxyRequestEvent.class)
    void refusesOtherMethodsWith405(APIGatewayProxyRequestEvent request) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(request, context);

        assertError(response, 405, "MethodNotAllowed", "Method GET is not supported on /ride; use POST");
        assertThat(response.getHeaders()).containsEntry("Allow", "OPTIONS,POST");
        assertNoNeighbourCalled();
    }

    @ParameterizedTest
    @Event(value = "apigw/request_ride_wrong_content_type.json", type = APIGatewayProxyRequestEvent.class)
    void refusesOtherContentTypesWith415(APIGatewayProxyRequestEvent request) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(request, context);

        assertError(response, 415, "UnsupportedMediaType",
                "Content-Type 'text/plain;charset=UTF-8' is not supported; send application/json");
        assertNoNeighbourCalled();
    }

    @Test
    void refusesABodyOver64KbWith413() {
        APIGatewayProxyRequestEvent request = EventLoader.loadApiGatewayRestEvent("apigw/request_ride.json");
        String padding = " ".repeat(RideRequestParser.MAX_BODY_BYTES);
        request.setBody(request.getBody() + padding);

        APIGatewayProxyResponseEvent response = handler.handleRequest(request, context);

        assertError(response, 413, "PayloadTooLarge", "the limit is 65536 bytes");
        assertNoNeighbourCalled();
    }

    @ParameterizedTest
    @Event(value = "apigw/request_ride_options.json", type = APIGatewayProxyRequestEvent.class)
    void answersTheCorsPreflightWith204(APIGatewayProxyRequestEvent request) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(request, context);

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isNull();
        assertCorsAndJson(response);
        assertNoNeighbourCalled();
        assertThat(context.logs()).isEmpty();
    }

    @ParameterizedTest(name = "fleet fails with {0}")
    @EnumSource(DownstreamFailure.class)
    void mapsEachFleetFailureToItsStatusAndNeverRecords(DownstreamFailure failure) {
        fleet.failWith(new DownstreamException(failure, "The unicorn fleet failed as " + failure));

        APIGatewayProxyResponseEvent response = handler.handleRequest(validRequest(), context);

        assertError(response, statusFor(failure), codeFor(failure), "The unicorn fleet failed as " + failure);
        assertThat(recorder.attempts()).isEmpty();
        assertThat(context.logs().getFirst()).doesNotContain("rideId=");
    }

    @ParameterizedTest(name = "recorder fails with {0}")
    @EnumSource(DownstreamFailure.class)
    void mapsEachRecorderFailureToItsStatusAndLogsTheRideId(DownstreamFailure failure) {
        recorder.failWith(new DownstreamException(failure, "The rides topic failed as " + failure));

        APIGatewayProxyResponseEvent response = handler.handleRequest(validRequest(), context);

        assertError(response, statusFor(failure), codeFor(failure), "The rides topic failed as " + failure);
        assertThat(context.logs().getFirst())
                .contains("rideId=" + recorder.attempts().getFirst().rideId());
    }

    @Test
    void answersAnUnexpectedErrorWith500AndTheRequestIdButNoStackTrace() {
        UnicornFleet broken = () -> {
            throw new IllegalStateException("unicorn index corrupt");
        };
        RequestRideHandler handler =
                new RequestRideHandler(new RideService(broken, recorder, Clock.fixed(NOW, ZoneOffset.UTC)));

        APIGatewayProxyResponseEvent response = handler.handleRequest(validRequest(), context);

        assertError(response, 500, "InternalError", "request id " + FakeContext.REQUEST_ID);
        assertThat(response.getBody()).doesNotContain("unicorn index corrupt", "IllegalStateException", "\tat ");
        // The log names the exception and the line that threw it, on one line.
        assertThat(context.logs().getFirst()).contains(
                "problem=java.lang.IllegalStateException: unicorn index corrupt at " + getClass().getName());
        assertThat(recorder.attempts()).isEmpty();
    }

    private static APIGatewayProxyRequestEvent validRequest() {
        return EventLoader.loadApiGatewayRestEvent("apigw/request_ride.json");
    }

    private void assertError(APIGatewayProxyResponseEvent response, int status, String code, String problem) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertCorsAndJson(response);
        JsonObject error = json(response);
        assertThat(error.keySet()).containsExactly("error", "message");
        assertThat(error.get("error").getAsString()).isEqualTo(code);
        assertThat(error.get("message").getAsString()).contains(problem);
        assertThat(context.logs()).singleElement().asString()
                .startsWith("RequestRide failed: status=" + status + " requestId=" + FakeContext.REQUEST_ID
                        + " correlationId=")
                .endsWith("\n")
                .containsOnlyOnce("\n");
    }

    private void assertNoNeighbourCalled() {
        assertThat(fleet.calls()).isZero();
        assertThat(recorder.attempts()).isEmpty();
    }

    private static void assertCorsAndJson(APIGatewayProxyResponseEvent response) {
        assertThat(response.getHeaders()).contains(
                Map.entry("Access-Control-Allow-Origin", "*"),
                Map.entry("Access-Control-Allow-Headers", "Content-Type"),
                Map.entry("Access-Control-Allow-Methods", "OPTIONS,POST"),
                Map.entry("Content-Type", "application/json"));
    }

    private static JsonObject json(APIGatewayProxyResponseEvent response) {
        return JsonParser.parseString(response.getBody()).getAsJsonObject();
    }

    private static int statusFor(DownstreamFailure failure) {
        return switch (failure) {
            case BAD_RESPONSE -> 502;
            case UNAVAILABLE -> 503;
            case TIMEOUT -> 504;
        };
    }

    private static String codeFor(DownstreamFailure failure) {
        return switch (failure) {
            case BAD_RESPONSE -> "BadGateway";
            case UNAVAILABLE -> "ServiceUnavailable";
            case TIMEOUT -> "GatewayTimeout";
        };
    }
}
