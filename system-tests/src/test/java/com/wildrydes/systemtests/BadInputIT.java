package com.wildrydes.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static com.wildrydes.systemtests.RunningStage.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Bad input against stage 01's three APIs and its topic: every rejected request gets a 4xx with a JSON
 * body naming the problem, never a 5xx, and leaves nothing in the record table, now or once the
 * asynchronous path has had time to act; a garbled event is dead-lettered without blocking the next ride.
 */
@DeployedStage("01-asynchronous-event-driven")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String RIDE_REQUEST = "{\"PickupLocation\":{\"Latitude\":47.6,\"Longitude\":-122.3}}";
    private static final String OVER_1_MB = "{\"PickupLocation\":{\"Latitude\":1,\"Longitude\":1},\"Pad\":\""
            + "x".repeat(1_100_000) + "\"}";
    /** What API Gateway answers, in AWS's words, for a method or path the API does not have. */
    private static final String NO_ROUTE = "Missing Authentication Token";

    private static int recordedAtStart;
    /** Rides the accepted cases booked or recorded: the only rows the table may gain during this class. */
    private static final AtomicInteger accepted = new AtomicInteger();

    @BeforeAll
    static void countTheRecords(RunningStage stage) {
        recordedAtStart = stage.scan(table(stage)).size();
    }

    static Stream<Arguments> badRideRequests() {
        return Stream.of(
                argumentSet("empty body", "POST", JSON_TYPE, "", 400, "body is missing"),
                argumentSet("not JSON", "POST", JSON_TYPE, "pickup at the station", 400, "not valid JSON"),
                argumentSet("a JSON array", "POST", JSON_TYPE, "[" + RIDE_REQUEST + "]", 400, "got an array"),
                argumentSet("JSON null", "POST", JSON_TYPE, "null", 400, "got null"),
                argumentSet("a bare number", "POST", JSON_TYPE, "47.6", 400, "must be a JSON object"),
                argumentSet("PickupLocation missing", "POST", JSON_TYPE, "{}", 400, "PickupLocation is missing"),
                argumentSet("Longitude missing", "POST", JSON_TYPE, "{\"PickupLocation\":{\"Latitude\":47.6}}", 400,
                        "PickupLocation.Longitude is missing"),
                argumentSet("PickupLocation a string", "POST", JSON_TYPE, "{\"PickupLocation\":\"Seattle\"}", 400,
                        "PickupLocation must be an object"),
                argumentSet("Latitude a boolean", "POST", JSON_TYPE, location("true", "1"), 400,
                        "PickupLocation.Latitude must be a number"),
                argumentSet("Latitude non-numeric", "POST", JSON_TYPE, location("\"north\"", "1"), 400,
                        "PickupLocation.Latitude must be a number"),
                argumentSet("Latitude the string NaN", "POST", JSON_TYPE, location("\"NaN\"", "1"), 400,
                        "PickupLocation.Latitude must be a number"),
                argumentSet("Latitude a bare NaN", "POST", JSON_TYPE, location("NaN", "1"), 400, "not valid JSON"),
                argumentSet("Longitude a bare Infinity", "POST", JSON_TYPE, location("1", "Infinity"), 400, "not valid JSON"),
                argumentSet("Latitude overflowing to infinity", "POST", JSON_TYPE, location("1e400", "1"), 400,
                        "PickupLocation.Latitude must be a finite number"),
                argumentSet("Latitude 91", "POST", JSON_TYPE, location("91", "1"), 400,
                        "PickupLocation.Latitude must be between -90 and 90"),
                argumentSet("Longitude -180.5", "POST", JSON_TYPE, location("1", "-180.5"), 400,
                        "PickupLocation.Longitude must be between -180 and 180"),
                argumentSet("Latitude in full-width digits", "POST", JSON_TYPE, location("\"４７\"", "1"), 400,
                        "PickupLocation.Latitude must be a number"),
                argumentSet("a NUL and an emoji", "POST", JSON_TYPE, location("\"\\u0000\uD83E\uDD84\"", "1"), 400,
                        "PickupLocation.Latitude must be a number"),
                argumentSet("a lone surrogate", "POST", JSON_TYPE, location("\"\\ud800\"", "1"), 400, "not valid JSON"),
                argumentSet("SQL injection", "POST", JSON_TYPE, location("\"1; DROP TABLE Rides; --\"", "1"), 400,
                        "PickupLocation.Latitude must be a number"),
                argumentSet("script injection", "POST", JSON_TYPE, location("\"<script>alert(1)</script>\"", "1"), 400,
                        "PickupLocation.Latitude must be a number"),
                argumentSet("JSON injection in a string", "POST", JSON_TYPE,
                        location("\"1},\\\"RideId\\\":\\\"forged\\\",\\\"x\\\":{\"", "1"), 400,
                        "PickupLocation.Latitude must be a number"),
                argumentSet("two JSON documents", "POST", JSON_TYPE, RIDE_REQUEST + RIDE_REQUEST, 400, "not valid JSON"),
                argumentSet("a body over 1 MB", "POST", JSON_TYPE, OVER_1_MB, 413, "limit is"),
                argumentSet("text/plain", "POST", "text/plain", RIDE_REQUEST, 415, "Content-Type 'text/plain' is not supported"),
                argumentSet("XML", "POST", "application/xml", "<ride/>", 415, "Content-Type 'application/xml' is not supported"),
                argumentSet("GET", "GET", null, null, 403, NO_ROUTE),
                argumentSet("PUT", "PUT", JSON_TYPE, RIDE_REQUEST, 403, NO_ROUTE),
                argumentSet("DELETE", "DELETE", null, null, 403, NO_ROUTE));
    }

    @ParameterizedTest
    @MethodSource("badRideRequests")
    @Order(1)
    void aBadRideRequestIsRefusedWithAClearErrorAndRecordsNothing(String method, String contentType, String body,
                                                                   int status, String problem, RunningStage stage) throws Exception {
        HttpResponse<String> response = stage.send(method, rideUrl(stage), contentType, body);

        assertRefused(response, status, problem);
        assertThat(stage.scan(table(stage))).hasSize(recordedAtStart + accepted.get());
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                argumentSet("empty body", "POST", JSON_TYPE, "", 400, "no body"),
                argumentSet("not JSON", "POST", JSON_TYPE, "{\"RideId\":", 400, "JSON"),
                argumentSet("a JSON array", "POST", JSON_TYPE, "[]", 400, "object"),
                argumentSet("JSON null", "POST", JSON_TYPE, "null", 400, "object"),
                argumentSet("Unicorn missing", "POST", JSON_TYPE,
                        "{\"RideId\":\"" + UUID.randomUUID() + "\"}", 400, "Unicorn is required"),
                argumentSet("RideId a script", "POST", JSON_TYPE,
                        ride("<script>alert(1)</script>", "2026-11-27T09:41:07.123Z", "47.6"), 400, "RideId must be a UUID"),
                argumentSet("RideId a SQL injection", "POST", JSON_TYPE,
                        ride("' OR '1'='1", "2026-11-27T09:41:07.123Z", "47.6"), 400, "RideId must be a UUID"),
                argumentSet("RequestTime not ISO-8601", "POST", JSON_TYPE,
                        ride(UUID.randomUUID().toString(), "yesterday at noon", "47.6"), 400, "RequestTime"),
                argumentSet("Latitude a string", "POST", JSON_TYPE,
                        ride(UUID.randomUUID().toString(), "2026-11-27T09:41:07.123Z", "\"47.6\""), 400, "Latitude"),
                argumentSet("Latitude out of range", "POST", JSON_TYPE,
                        ride(UUID.randomUUID().toString(), "2026-11-27T09:41:07.123Z", "-95"), 400, "Latitude"),
                argumentSet("a body over 1 MB", "POST", JSON_TYPE, OVER_1_MB, 413, "at most 65536 bytes"),
                argumentSet("a form instead of JSON", "POST", "application/x-www-form-urlencoded",
                        ride(UUID.randomUUID().toString(), "2026-11-27T09:41:07.123Z", "47.6"), 415, "application/json"),
                argumentSet("GET", "GET", null, null, 403, NO_ROUTE));
    }

    @ParameterizedTest
    @MethodSource("badRecords")
    @Order(2)
    void aBadRecordIsRefusedWithAClearErrorAndRecordsNothing(String method, String contentType, String body,
                                                             int status, String problem, RunningStage stage) throws Exception {
        HttpResponse<String> response = stage.send(method, recordUrl(stage), contentType, body);

        assertRefused(response, status, problem);
        assertThat(stage.scan(table(stage))).hasSize(recordedAtStart + accepted.get());
    }

    @Test
    @Order(3)
    void aDuplicateRideIdWithDifferentContentIsAConflictAndTheFirstRecordStands(RunningStage stage) throws Exception {
        String rideId = UUID.randomUUID().toString();
        HttpResponse<String> first = stage.post(recordUrl(stage), ride(rideId, "2026-11-27T09:41:07.123Z", "47.6"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        accepted.incrementAndGet();

        HttpResponse<String> second = stage.post(recordUrl(stage), ride(rideId, "2026-11-27T09:41:07.123Z", "-33.9"));

        assertRefused(second, 409, rideId);
        assertThat(stage.item(table(stage), "RideId", rideId).orElseThrow().get("PickupLocation").m()
                .get("Latitude").n()).isEqualTo("47.6");
    }

    static Stream<Arguments> badUnicornRequests() {
        return Stream.of(
                argumentSet("POST", "POST", JSON_TYPE, "{\"Name\":\"Shadowfax\"}"),
                argumentSet("PUT", "PUT", JSON_TYPE, "{}"),
                argumentSet("DELETE", "DELETE", null, null));
    }

    @ParameterizedTest
    @MethodSource("badUnicornRequests")
    @Order(4)
    void theFleetApiRefusesAnyMethodButGet(String method, String contentType, String body, RunningStage stage)
            throws Exception {
        assertRefused(stage.send(method, unicornUrl(stage), contentType, body), 403, NO_ROUTE);
    }

    @Test
    @Order(5)
    void theFleetApiIgnoresAQueryStringEvenAHostileOne(RunningStage stage) throws Exception {
        // Accepted on purpose: GET /unicorn takes no parameters, so none can do harm.
        HttpResponse<String> response = stage.send("GET",
                unicornUrl(stage) + "?Name=%27%20OR%201%3D1--&limit=-1&%3Cscript%3E=%F0%9F%A6%84", null, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("Name").asText()).isIn("Bucephalus", "Shadowfax", "Rocinante");
    }

    @Test
    @Order(6)
    void extraFieldsAreIgnoredAndTheRideIsBookedAsAsked(RunningStage stage) throws Exception {
        // Accepted on purpose: unknown fields are ignored, so an older or newer rider page keeps working.
        HttpResponse<String> response = stage.post(rideUrl(stage),
                "{\"PickupLocation\":{\"Latitude\":47.6,\"Longitude\":-122.3,\"Altitude\":56},\"Tip\":5,\"RideId\":\"forged\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        accepted.incrementAndGet();
        JsonNode ride = JSON.readTree(response.body());
        assertThat(UUID.fromString(ride.path("RideId").asText())).as("the RideId is the service's, not the caller's").isNotNull();
        assertThat(ride.has("Tip")).isFalse();
        String rideId = ride.path("RideId").asText();
        eventually(Duration.ofSeconds(20), "the ride is recorded", () -> stage.item(table(stage), "RideId", rideId).isPresent());
    }

    @Test
    @Order(7)
    void aGarbledEventIsDeadLetteredAndTheGoodRideAfterItIsStillRecorded(RunningStage stage) throws Exception {
        int deadBefore = deadLetterDepth(stage);
        String good = UUID.randomUUID().toString();
        String valid = ride(good, "2026-11-27T09:41:07.123Z", "47.6");

        publish(stage, valid.substring(0, valid.length() / 2));
        publish(stage, "\u0000\u00ff not a ride \ud83e\udd84");
        publish(stage, valid);
        accepted.incrementAndGet();

        eventually(Duration.ofSeconds(20), "the good ride is recorded", () -> stage.item(table(stage), "RideId", good).isPresent());
        eventually(Duration.ofSeconds(20), "both garbled events are dead-lettered", () -> deadLetterDepth(stage) == deadBefore + 2);
    }

    @Test
    @Order(8)
    void onceTheAsynchronousPathHasSettledOnlyTheAcceptedRidesWereRecorded(RunningStage stage) throws Exception {
        // A rejected ride that slipped onto the topic would be recorded within this time.
        Thread.sleep(1_000);
        assertThat(stage.scan(table(stage))).hasSize(recordedAtStart + accepted.get());
    }

    private static void assertRefused(HttpResponse<String> response, int status, String problem) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("message").asText()).as(response.body()).contains(problem).doesNotContain("at com.");
    }

    private static String location(String latitude, String longitude) {
        return "{\"PickupLocation\":{\"Latitude\":" + latitude + ",\"Longitude\":" + longitude + "}}";
    }

    private static String ride(String rideId, String requestTime, String latitude) {
        return """
                {"RideId":"%s","Unicorn":{"Name":"Shadowfax","Color":"White","DeviceId":"0f8fad5b-d9cb-469f-a165-70867728950e"},\
                "RequestTime":"%s","PickupLocation":{"Latitude":%s,"Longitude":-122.3}}"""
                .formatted(rideId.replace("\"", "\\\""), requestTime, latitude);
    }

    private static void publish(RunningStage stage, String message) {
        stage.sns().publish(r -> r.topicArn(stage.output("wild-rydes", "RidesTopicArn")).message(message).messageAttributes(Map.of(
                "EventType", MessageAttributeValue.builder().dataType("String").stringValue("RideRequested").build(),
                "EventVersion", MessageAttributeValue.builder().dataType("String").stringValue("1").build())));
    }

    private static int deadLetterDepth(RunningStage stage) {
        Map<QueueAttributeName, String> attributes = stage.sqs().getQueueAttributes(r -> r
                .queueUrl(stage.output("wild-rydes-ride-record", "RideRecordDeadLetterQueueUrl"))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static String rideUrl(RunningStage stage) {
        return stage.apiUrl("wild-rydes") + "/ride";
    }

    private static String recordUrl(RunningStage stage) {
        return stage.apiUrl("wild-rydes-ride-record") + "/record";
    }

    private static String unicornUrl(RunningStage stage) {
        return stage.apiUrl("wild-rydes-ride-fleet") + "/unicorn";
    }

    private static String table(RunningStage stage) {
        return stage.physicalId("wild-rydes-ride-record", "RideRecordTable");
    }
}
