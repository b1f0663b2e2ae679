package com.wildrydes.systemtests.browser;

import com.wildrydes.localcloud.runtime.InjectedFault;
import com.wildrydes.systemtests.DeployedStage;
import com.wildrydes.systemtests.RunningStage;
import com.wildrydes.systemtests.browser.RiderPage.Hop;
import com.wildrydes.systemtests.browser.RiderPage.Ride;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.TakesScreenshot;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.wildrydes.systemtests.browser.RiderPage.steps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stage 01 through the rider's page: RequestRide still asks the fleet's API for a unicorn, then publishes
 * the ride to SNS and answers; RecordRide, subscribed to the topic, records it afterwards. The timeline
 * shows the recording arriving through the topic, with no call to the record API.
 */
@ExtendWith(ChromiumInstalled.class)
@DeployedStage("01-asynchronous-event-driven")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AsyncRiderPageIT {

    private static final Map<String, String> SEED_FLEET = Map.of(
            "Bucephalus", "Golden", "Shadowfax", "White", "Rocinante", "Yellow");

    private static Chromium chromium;
    private static RiderPage page;

    @BeforeAll
    static void openBrowser() {
        chromium = Chromium.start();
        page = new RiderPage(chromium.driver());
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void startFresh(RunningStage stage) {
        page.open(stage.cloud().endpoint() + "/_localcloud/rider/");
        page.forgetRememberedApi();
    }

    @AfterEach
    void noScriptErrors() {
        assertThat(chromium.scriptErrors()).as("script errors in the browser's console").isEmpty();
    }

    private static String requestRide(RunningStage stage) {
        return stage.functionName("wild-rydes", "RequestRide");
    }

    private static String fleet(RunningStage stage) {
        return stage.functionName("wild-rydes-ride-fleet", "RequestUnicorn");
    }

    private static String recordRide(RunningStage stage) {
        return stage.functionName("wild-rydes-ride-record", "RecordRide");
    }

    /** Every hop stage 01 makes for one ride, in the order they begin: the recording after the topic. */
    private static List<String> stage01Path(RunningStage stage) {
        return List.of(
                "API Gateway POST /ride",
                "Lambda " + requestRide(stage),
                "API Gateway GET /unicorn",
                "Lambda " + fleet(stage),
                "DynamoDB Scan",
                "SNS Publish",
                "SNS Deliver",
                "Lambda " + recordRide(stage),
                "DynamoDB PutItem");
    }

    @Test
    @Order(1)
    void aRiderGetsAUnicornAndTheTraceShowsTheRideRecordedThroughTheTopic(RunningStage stage) {
        page.pickUpAt(40, -30).requestUnicorn();

        assertThat(page.showsRide()).as(page.error()).isTrue();
        Ride ride = page.ride();
        assertThat(SEED_FLEET).containsKey(ride.unicornName());
        assertThat(ride.unicornColor()).isEqualTo(SEED_FLEET.get(ride.unicornName()));
        assertThat(UUID.fromString(ride.rideId())).isNotNull();

        // The recording hops end after the rider's answer: the page keeps collecting until they arrive.
        List<Hop> hops = page.awaitHops(h -> steps(h).contains("DynamoDB PutItem"));

        assertThat(steps(hops)).containsExactlyElementsOf(stage01Path(stage))
                .doesNotContain("API Gateway POST /record");
        assertThat(hops).noneMatch(Hop::failed);
        String topic = lastPart(stage.cloud().stack("wild-rydes").flatMap(s -> s.output("RidesTopicArn")).orElseThrow());
        assertThat(hops.get(5).detail()).isEqualTo(topic + " from " + requestRide(stage));
        assertThat(hops.get(6).detail()).isEqualTo(topic + " to lambda " + recordRide(stage));
        assertThat(hops.get(8).detail()).endsWith("from " + recordRide(stage));
        Map<String, AttributeValue> recorded = stage.item(stage.physicalId("wild-rydes-ride-record", "RideRecordTable"),
                "RideId", ride.rideId()).orElseThrow(() -> new AssertionError("ride " + ride.rideId() + " was not recorded"));
        assertThat(recorded.get("Unicorn").m().get("Name").s()).isEqualTo(ride.unicornName());
        Screenshots.publish((TakesScreenshot) chromium.driver(), "rider-page-async");
        Screenshots.publish(page.tracePanel(), "trace-async");
    }

    @Test
    @Order(2)
    void withTheFleetFailingTheRiderSeesAClearMessageAndNothingIsPublished(RunningStage stage) {
        stage.cloud().lambda().injectFault(fleet(stage), new InjectedFault.Throw("the fleet is down"), 0);
        try {
            page.pickUpAt(-80, 50).requestUnicorn();
        } finally {
            stage.cloud().lambda().clearFault(fleet(stage));
        }

        assertThat(page.showsRide()).isFalse();
        assertThat(page.error())
                .startsWith("The ride could not be requested: HTTP 502 BadGateway.")
                .contains("The unicorn fleet answered HTTP 502");
        // RequestRide would publish before it answers, so a Publish hop would be there with the first four.
        List<Hop> hops = page.awaitHops(h -> h.size() >= 4);
        assertThat(steps(hops)).containsExactly(
                "API Gateway POST /ride",
                "Lambda " + requestRide(stage),
                "API Gateway GET /unicorn",
                "Lambda " + fleet(stage));
        assertThat(hops).extracting(Hop::failed).containsExactly(true, false, true, true);
        Screenshots.keep((TakesScreenshot) chromium.driver(), "rider-error-async");
    }

    @Test
    @Order(3)
    void withTheRecorderFailingTheRiderStillGetsTheUnicornAndTheTraceShowsTheFailedRecording(RunningStage stage) {
        String recorder = recordRide(stage);
        stage.cloud().lambda().injectFault(recorder, new InjectedFault.Throw("the ride store is down"), 0);
        List<Hop> hops;
        try {
            page.pickUpAt(70, 70).requestUnicorn();
            assertThat(page.showsRide()).as("the rider does not wait for the recording: " + page.error()).isTrue();
            hops = page.awaitHops(h -> h.stream().anyMatch(hop -> hop.step().equals("Lambda " + recorder)));
        } finally {
            stage.cloud().lambda().clearFault(recorder);
        }

        assertThat(steps(hops)).startsWith(stage01Path(stage).subList(0, 8).toArray(String[]::new));
        assertThat(hops.subList(0, 7)).noneMatch(Hop::failed);
        assertThat(hops.get(7).failed()).as("the recording " + hops.get(7)).isTrue();
        Screenshots.keep(page.tracePanel(), "trace-async-recorder-failed");
    }

    private static String lastPart(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }
}
