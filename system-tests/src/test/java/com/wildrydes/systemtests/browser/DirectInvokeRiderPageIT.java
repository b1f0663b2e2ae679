package com.wildrydes.systemtests.browser;

import com.wildrydes.localcloud.lambda.FunctionStats;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.wildrydes.systemtests.browser.RiderPage.steps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stage 02 through the rider's page: RequestRide reaches the fleet with a Lambda Invoke of its
 * RequestUnicornInvoke function (alias {@code live}), never through the fleet's API, then publishes the
 * ride for RecordRide as in stage 01. The timeline shows the Invoke hop where the API hop used to be.
 */
@ExtendWith(ChromiumInstalled.class)
@DeployedStage("02-synchronous-requests")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectInvokeRiderPageIT {

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

    private static String fleetApiFunction(RunningStage stage) {
        return stage.functionName("wild-rydes-ride-fleet", "RequestUnicorn");
    }

    private static String fleetInvokeFunction(RunningStage stage) {
        return stage.functionName("wild-rydes-ride-fleet", "RequestUnicornInvoke");
    }

    private static String recordRide(RunningStage stage) {
        return stage.functionName("wild-rydes-ride-record", "RecordRide");
    }

    private static long invocations(RunningStage stage, String function) {
        FunctionStats stats = stage.cloud().lambda().stats(function).orElseThrow();
        return stats.coldStarts() + stats.warmStarts();
    }

    /** Every hop stage 02 makes for one ride, in the order they begin: an Invoke where stage 01 had GET /unicorn. */
    private static List<String> stage02Path(RunningStage stage) {
        return List.of(
                "API Gateway POST /ride",
                "Lambda " + requestRide(stage),
                "Lambda Invoke",
                "Lambda " + fleetInvokeFunction(stage),
                "DynamoDB Scan",
                "SNS Publish",
                "SNS Deliver",
                "Lambda " + recordRide(stage),
                "DynamoDB PutItem");
    }

    @Test
    @Order(1)
    void aRiderGetsAUnicornAndTheTraceShowsTheFleetInvokedDirectly(RunningStage stage) {
        long fleetApiCalls = invocations(stage, fleetApiFunction(stage));

        page.pickUpAt(-40, 30).requestUnicorn();

        assertThat(page.showsRide()).as(page.error()).isTrue();
        Ride ride = page.ride();
        assertThat(SEED_FLEET).containsKey(ride.unicornName());
        assertThat(ride.unicornColor()).isEqualTo(SEED_FLEET.get(ride.unicornName()));
        assertThat(UUID.fromString(ride.rideId())).isNotNull();

        List<Hop> hops = page.awaitHops(h -> steps(h).contains("DynamoDB PutItem"));

        assertThat(steps(hops)).containsExactlyElementsOf(stage02Path(stage))
                .doesNotContain("API Gateway GET /unicorn");
        assertThat(hops).noneMatch(Hop::failed);
        assertThat(hops.get(2).detail()).as("the Invoke names the fleet function's alias and its caller")
                .isEqualTo(fleetInvokeFunction(stage) + ":live from " + requestRide(stage));
        assertThat(hops.get(4).detail()).endsWith("from " + fleetInvokeFunction(stage));
        assertThat(invocations(stage, fleetApiFunction(stage))).as("the fleet's API function").isEqualTo(fleetApiCalls);
        assertThat(stage.item(stage.physicalId("wild-rydes-ride-record", "RideRecordTable"), "RideId", ride.rideId()))
                .as("ride " + ride.rideId() + " recorded").isPresent();
        Screenshots.publish((TakesScreenshot) chromium.driver(), "rider-page-direct-invoke");
        Screenshots.publish(page.tracePanel(), "trace-direct-invoke");
    }

    @Test
    @Order(2)
    void withTheFleetFunctionThrowingTheRiderSeesAClear502AndNothingIsPublished(RunningStage stage) {
        String fleet = fleetInvokeFunction(stage);
        stage.cloud().lambda().injectFault(fleet, new InjectedFault.Throw("fleet database unreachable"), 0);
        try {
            page.pickUpAt(90, -60).requestUnicorn();
        } finally {
            stage.cloud().lambda().clearFault(fleet);
        }

        assertThat(page.showsRide()).isFalse();
        assertThat(page.error())
                .startsWith("The ride could not be requested: HTTP 502 BadGateway.")
                .contains("The unicorn fleet failed")
                .doesNotContain("at com.");
        // RequestRide would publish before it answers, so a Publish hop would be there with the first four.
        List<Hop> hops = page.awaitHops(h -> h.size() >= 4);
        assertThat(steps(hops)).containsExactly(
                "API Gateway POST /ride",
                "Lambda " + requestRide(stage),
                "Lambda Invoke",
                "Lambda " + fleet);
        // The Invoke call itself succeeds (HTTP 200 carrying the function's error); the function and the API fail.
        assertThat(hops).extracting(Hop::failed).containsExactly(true, false, false, true);
        Screenshots.keep((TakesScreenshot) chromium.driver(), "rider-error-direct-invoke");
    }
}
