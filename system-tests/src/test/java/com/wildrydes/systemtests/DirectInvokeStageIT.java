package com.wildrydes.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.localcloud.runtime.InjectedFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.wildrydes.systemtests.RunningStage.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stage 02 end to end on local-cloud: the rider's service reaches the fleet with Lambda Invoke, not
 * through the fleet's API, and turns the fleet's failures into clear answers without recording a ride.
 */
@DeployedStage("02-synchronous-requests")
class DirectInvokeStageIT {

    private static final String RIDE = "{\"PickupLocation\":{\"Latitude\":47.6,\"Longitude\":-122.3}}";
    private static final List<String> SEED_FLEET = List.of("Bucephalus", "Shadowfax", "Rocinante");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Clears the faults and waits for the fleet function to be idle: an invocation a previous test left running
     * past its caller's timeout would otherwise finish, and be counted, in the next test.
     */
    @BeforeEach
    void clearFaultsAndWaitForAnIdleFleet(RunningStage stage) throws InterruptedException {
        String fleet = invokeFunction(stage);
        stage.cloud().lambda().clearFault(fleet);
        eventually(Duration.ofSeconds(20), "no invocation of " + fleet + " is still running",
                () -> stage.cloud().lambda().stats(fleet).map(stats -> stats.busyInstances() == 0).orElse(true));
    }

    @Test
    void theFleetIsReachedByInvokeAndItsApiFunctionSeesNoRequest(RunningStage stage) throws Exception {
        String apiFunction = stage.functionName("wild-rydes-ride-fleet", "RequestUnicorn");
        long apiCalls = stage.invocations(apiFunction);
        long invokeCalls = stage.invocations(invokeFunction(stage));

        HttpResponse<String> response = stage.post(rideUrl(stage), RIDE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode ride = JSON.readTree(response.body());
        assertThat(ride.path("Unicorn").path("Name").asText()).isIn(SEED_FLEET);
        assertThat(ride.path("Unicorn").path("DeviceId").asText()).isNotBlank();
        assertThat(stage.invocations(invokeFunction(stage))).isEqualTo(invokeCalls + 1);
        assertThat(stage.invocations(apiFunction)).as("the fleet's API function").isEqualTo(apiCalls);
        String rideId = ride.path("RideId").asText();
        eventually(Duration.ofSeconds(20), "the ride is recorded", () -> stage.item(table(stage), "RideId", rideId).isPresent());
    }

    @Test
    void aFleetFunctionErrorGivesAClear502AndRecordsNothing(RunningStage stage) throws Exception {
        stage.cloud().lambda().injectFault(invokeFunction(stage), new InjectedFault.Throw("fleet database unreachable"), 0);
        int recordedBefore = stage.scan(table(stage)).size();

        HttpResponse<String> response = stage.post(rideUrl(stage), RIDE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("error").asText()).isNotBlank();
        assertThat(error.path("message").asText()).isNotBlank().doesNotContain("at com.");
        Thread.sleep(1_000); // a ride that was wrongly published would be recorded within this time
        assertThat(stage.scan(table(stage))).hasSize(recordedBefore);
    }

    @Test
    void aFleetThatRunsPastTheCallersTimeoutGivesA504WithinBoundedTime(RunningStage stage) throws Exception {
        stage.cloud().lambda().injectFault(invokeFunction(stage), new InjectedFault.Timeout(), 0);
        int recordedBefore = stage.scan(table(stage)).size();

        Instant start = Instant.now();
        HttpResponse<String> response = stage.post(rideUrl(stage), RIDE);

        assertThat(response.statusCode()).as(response.body()).isIn(502, 504);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(12));
        assertThat(stage.scan(table(stage))).hasSize(recordedBefore);
    }

    private static String rideUrl(RunningStage stage) {
        return stage.apiUrl("wild-rydes") + "/ride";
    }

    private static String table(RunningStage stage) {
        return stage.physicalId("wild-rydes-ride-record", "RideRecordTable");
    }

    private static String invokeFunction(RunningStage stage) {
        return stage.functionName("wild-rydes-ride-fleet", "RequestUnicornInvoke");
    }
}
