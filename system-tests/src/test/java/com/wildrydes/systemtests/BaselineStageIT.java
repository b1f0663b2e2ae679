package com.wildrydes.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.localcloud.runtime.InjectedFault;
import com.wildrydes.localcloud.testing.AwsCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stage 00 end to end on local-cloud: the rider's ride crosses the fleet's API and the record API
 * synchronously, and is recorded before the rider hears back.
 */
@DeployedStage("00-baseline")
class BaselineStageIT {

    private static final String RIDE = "{\"PickupLocation\":{\"Latitude\":47.6,\"Longitude\":-122.3}}";
    private static final List<String> SEED_FLEET = List.of("Bucephalus", "Shadowfax", "Rocinante");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRideAnswers201WithAUnicornFromTheSeededFleet(RunningStage stage) throws Exception {
        HttpResponse<String> response = stage.post(rideUrl(stage), RIDE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode ride = JSON.readTree(response.body());
        assertThat(UUID.fromString(ride.path("RideId").asText())).isNotNull();
        assertThat(ride.path("Unicorn").path("Name").asText()).isIn(SEED_FLEET);
        assertThat(Instant.parse(ride.path("RequestTime").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(ride.path("PickupLocation").path("Latitude").asDouble()).isEqualTo(47.6);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void theRideIsRecordedBeforeThe201AndCrossesBothApis(RunningStage stage) throws Exception {
        String fleet = stage.functionName("wild-rydes-ride-fleet", "RequestUnicorn");
        String record = stage.functionName("wild-rydes-ride-record", "PutRideRecord");
        long fleetCalls = stage.invocations(fleet);
        long recordCalls = stage.invocations(record);

        HttpResponse<String> response = stage.post(rideUrl(stage), RIDE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String rideId = JSON.readTree(response.body()).path("RideId").asText();

        // Read at once, no polling: in the synchronous design the 201 means the ride is already stored.
        Map<String, AttributeValue> item = stage.item(recordTable(stage), "RideId", rideId).orElseThrow(
                () -> new AssertionError("ride " + rideId + " was not recorded by the time the rider got 201"));
        assertThat(item.get("Unicorn").m().get("Name").s()).isIn(SEED_FLEET);
        assertThat(stage.invocations(fleet)).as("RequestUnicorn invocations").isEqualTo(fleetCalls + 1);
        assertThat(stage.invocations(record)).as("PutRideRecord invocations").isEqualTo(recordCalls + 1);
    }

    @Test
    void aBadRequestAnswers400WithAJsonErrorAndRecordsNothing(RunningStage stage) throws Exception {
        int before = stage.scan(recordTable(stage)).size();

        HttpResponse<String> response = stage.post(rideUrl(stage), "{\"PickupLocation\":{\"Latitude\":\"north\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("message").asText()).contains("Latitude");
        assertThat(stage.scan(recordTable(stage))).hasSize(before);
    }

    @Test
    @Timeout(30)
    void withTheFleetFailingTheRiderGetsAClear5xxQuicklyAndNothingIsRecorded(RunningStage stage) throws Exception {
        String fleet = stage.functionName("wild-rydes-ride-fleet", "RequestUnicorn");
        int before = stage.scan(recordTable(stage)).size();
        stage.cloud().lambda().injectFault(fleet, new InjectedFault.Throw("fleet is down"), 0);
        try {
            Instant start = Instant.now();
            HttpResponse<String> response = stage.post(rideUrl(stage), RIDE);
            Duration took = Duration.between(start, Instant.now());

            assertThat(response.statusCode()).as(response.body()).isBetween(502, 504);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("error").asText()).isNotBlank();
            assertThat(error.path("message").asText()).isNotBlank().doesNotContain("at com.");
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(stage.scan(recordTable(stage))).hasSize(before);
        } finally {
            stage.cloud().lambda().clearFault(fleet);
        }
    }

    @Test
    void anEmptyFleetAnswers503AndRecordsNothing(RunningStage stage) throws Exception {
        String unicorns = stage.physicalId("wild-rydes-ride-fleet", "UnicornsTable");
        List<Map<String, AttributeValue>> fleet = stage.scan(unicorns);
        int before = stage.scan(recordTable(stage)).size();
        fleet.forEach(u -> stage.dynamodb().deleteItem(b -> b.tableName(unicorns).key(Map.of("Name", u.get("Name")))));
        try {
            HttpResponse<String> response = stage.post(rideUrl(stage), RIDE);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(stage.scan(recordTable(stage))).hasSize(before);
        } finally {
            fleet.forEach(u -> stage.dynamodb().putItem(b -> b.tableName(unicorns).item(u)));
        }
    }

    @Test
    void theAwsCliSeesWhatTheStageDid(RunningStage stage) throws Exception {
        HttpResponse<String> response = stage.post(rideUrl(stage), RIDE);
        String rideId = JSON.readTree(response.body()).path("RideId").asText();
        AwsCli aws = AwsCli.forEndpoint(stage.cloud().endpoint());

        JsonNode scan = aws.json("dynamodb", "scan", "--table-name", recordTable(stage));
        assertThat(scan.path("Items").findValuesAsText("S")).contains(rideId);

        JsonNode parameter = aws.json("ssm", "get-parameter", "--name", "/wild-rydes-ride-fleet/dev/RequestUnicornUrl");
        assertThat(parameter.at("/Parameter/Value").asText())
                .isEqualTo(stage.apiUrl("wild-rydes-ride-fleet") + "/unicorn");

        String fleet = stage.functionName("wild-rydes-ride-fleet", "RequestUnicorn");
        JsonNode invoked = aws.json("lambda", "invoke", "--function-name", fleet,
                "--payload", "{\"httpMethod\":\"GET\",\"path\":\"/unicorn\",\"resource\":\"/unicorn\"}", "answer.json");
        assertThat(invoked.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(invoked.has("FunctionError")).isFalse();
        JsonNode answer = JSON.readTree(java.nio.file.Files.readString(aws.file("answer.json")));
        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(answer.path("body").asText()).path("Name").asText()).isIn(SEED_FLEET);
    }

    private static String rideUrl(RunningStage stage) {
        return stage.apiUrl("wild-rydes") + "/ride";
    }

    private static String recordTable(RunningStage stage) {
        return stage.physicalId("wild-rydes-ride-record", "RideRecordTable");
    }
}
