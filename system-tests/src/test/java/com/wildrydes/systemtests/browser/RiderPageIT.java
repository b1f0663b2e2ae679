package com.wildrydes.systemtests.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stage 00 through the rider's page in headless Chromium, served by local-cloud: a rider picks a
 * point on the map, gets a unicorn, and sees the ride's path: the rider's API and RequestRide, then the
 * fleet's API and the record API, each with the function behind it and its DynamoDB call.
 */
@ExtendWith(ChromiumInstalled.class)
@DeployedStage("00-baseline")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiderPageIT {

    private static final Map<String, String> SEED_FLEET = Map.of(
            "Bucephalus", "Golden", "Shadowfax", "White", "Rocinante", "Yellow");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Chromium chromium;
    private static RiderPage page;
    private final HttpClient http = HttpClient.newHttpClient();

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
        page.open(riderPage(stage));
        page.forgetRememberedApi();
    }

    @AfterEach
    void noScriptErrors() {
        assertThat(chromium.scriptErrors()).as("script errors in the browser's console").isEmpty();
    }

    private static String riderPage(RunningStage stage) {
        return stage.cloud().endpoint() + "/_localcloud/rider/";
    }

    private static String functionName(RunningStage stage, String logicalId) {
        return switch (logicalId) {
            case "RequestRide" -> stage.functionName("wild-rydes", logicalId);
            case "RequestUnicorn" -> stage.functionName("wild-rydes-ride-fleet", logicalId);
            case "PutRideRecord" -> stage.functionName("wild-rydes-ride-record", logicalId);
            default -> throw new IllegalArgumentException(logicalId);
        };
    }

    private static boolean neverInvoked(RunningStage stage, String function) {
        FunctionStats stats = stage.cloud().lambda().stats(function).orElseThrow();
        return stats.coldStarts() + stats.warmStarts() == 0;
    }

    /** Every hop stage 00 makes for one ride, in the order they begin. */
    private static List<String> stage00Path(RunningStage stage) {
        return List.of(
                "API Gateway POST /ride",
                "Lambda " + functionName(stage, "RequestRide"),
                "API Gateway GET /unicorn",
                "Lambda " + functionName(stage, "RequestUnicorn"),
                "DynamoDB Scan",
                "API Gateway POST /record",
                "Lambda " + functionName(stage, "PutRideRecord"),
                "DynamoDB PutItem");
    }

    private static List<String> path(List<Hop> hops) {
        return hops.stream().map(h -> h.service() + " " + h.name()).toList();
    }

    @Test
    @Order(1)
    void aRiderPicksAPointRequestsAUnicornAndSeesItWithTheRideIdAndLatency(RunningStage stage) throws Exception {
        assertThat(page.apiUrl()).as("the page is pre-filled with the stage's POST /ride URL")
                .isEqualTo(stage.cloud().stack("wild-rydes").flatMap(s -> s.output("RideApiUrl")).orElseThrow())
                .startsWith(stage.cloud().endpoint() + "/restapis/");
        assertThat(page.apiSource()).contains("local-cloud");

        page.pickUpAt(60, -40);
        double latitude = page.pickupLatitude();
        double longitude = page.pickupLongitude();
        assertThat(latitude).isBetween(47.58, 47.64);
        assertThat(longitude).isBetween(-122.36, -122.28);
        page.requestUnicorn();

        assertThat(page.showsError()).as(page.error()).isFalse();
        Ride ride = page.ride();
        assertThat(SEED_FLEET).containsKey(ride.unicornName());
        assertThat(ride.unicornColor()).isEqualTo(SEED_FLEET.get(ride.unicornName()));
        assertThat(UUID.fromString(ride.rideId())).isNotNull();
        assertThat(ride.latency()).matches("\\d+ ms");
        Map<String, AttributeValue> recorded = stage.item(stage.physicalId("wild-rydes-ride-record", "RideRecordTable"),
                "RideId", ride.rideId()).orElseThrow(() -> new AssertionError("ride " + ride.rideId() + " was not recorded"));
        assertThat(recorded.get("Unicorn").m().get("Name").s()).isEqualTo(ride.unicornName());
        assertThat(Double.parseDouble(recorded.get("PickupLocation").m().get("Latitude").n())).isEqualTo(latitude);
        assertThat(Double.parseDouble(recorded.get("PickupLocation").m().get("Longitude").n())).isEqualTo(longitude);
        // The first ride of the class, so the README's picture shows cold starts.
        page.awaitHops(hops -> hops.size() >= stage00Path(stage).size());
        Screenshots.publish((TakesScreenshot) chromium.driver(), "rider-page");
    }

    @Test
    @Order(2)
    void theTraceShowsTheRidersApiAndRequestRideThenTheFleetApiAndTheRecordApiWithColdStartsMarked(RunningStage stage)
            throws Exception {
        List<String> functions = List.of("RequestRide", "RequestUnicorn", "PutRideRecord").stream()
                .map(id -> functionName(stage, id)).toList();
        Map<String, Boolean> coldExpected = functions.stream()
                .collect(Collectors.toMap(f -> f, f -> neverInvoked(stage, f)));

        page.pickUpAt(-120, 60).requestUnicorn();
        assertThat(page.showsRide()).as(page.error()).isTrue();
        List<Hop> hops = page.awaitHops(h -> h.size() >= stage00Path(stage).size());

        assertThat(path(hops)).containsExactlyElementsOf(stage00Path(stage));
        assertThat(hops).noneMatch(Hop::failed);
        for (Hop hop : hops) {
            boolean cold = hop.service().equals("Lambda") && coldExpected.get(hop.name());
            assertThat(hop.cold()).as("cold mark of " + hop).isEqualTo(cold);
        }
        // The AWS SDK inside each function sent the invocation's trace header: the DynamoDB calls are attributed.
        assertThat(hops.get(4).detail()).endsWith("from " + functionName(stage, "RequestUnicorn"));
        assertThat(hops.get(7).detail()).endsWith("from " + functionName(stage, "PutRideRecord"));
        Screenshots.keep(page.tracePanel(), "trace");

        // local-cloud serves the same trace as JSON.
        JsonNode trace = getJson(stage, "/_localcloud/traces/" + page.traceId());
        assertThat(trace.path("spans")).hasSize(hops.size());
        assertThat(trace.path("spans").get(1).path("coldStart").asBoolean()).isEqualTo(hops.get(1).cold());
        assertThat(trace.path("spans").get(1).path("initDurationMs").asDouble() > 0).isEqualTo(hops.get(1).cold());
    }

    @Test
    @Order(3)
    void aSecondRideInARowFindsEveryFunctionWarm(RunningStage stage) throws Exception {
        page.pickUpAt(10, 10).requestUnicorn();
        page.awaitHops(h -> h.size() >= stage00Path(stage).size());
        page.pickUpAt(-30, 20).requestUnicorn();
        assertThat(page.showsRide()).as(page.error()).isTrue();

        List<Hop> hops = page.awaitHops(h -> h.size() >= stage00Path(stage).size());

        assertThat(path(hops)).containsExactlyElementsOf(stage00Path(stage));
        assertThat(hops).noneMatch(Hop::cold);
        Screenshots.publish(page.tracePanel(), "trace-warm");
    }

    @Test
    @Order(4)
    void withTheFleetFailingTheRiderSeesAClearMessageAndTheTraceShowsWhere(RunningStage stage) throws Exception {
        String fleet = functionName(stage, "RequestUnicorn");
        stage.cloud().lambda().injectFault(fleet, new InjectedFault.Throw("the fleet is down"), 1);
        try {
            page.pickUpAt(100, 80).requestUnicorn();
        } finally {
            stage.cloud().lambda().clearFault(fleet);
        }

        assertThat(page.showsRide()).isFalse();
        assertThat(page.error())
                .startsWith("The ride could not be requested: HTTP 502 BadGateway.")
                .contains("The unicorn fleet answered HTTP 502");
        List<Hop> hops = page.awaitHops(h -> h.size() >= 4);
        assertThat(path(hops)).containsExactly(
                "API Gateway POST /ride",
                "Lambda " + functionName(stage, "RequestRide"),
                "API Gateway GET /unicorn",
                "Lambda " + fleet);
        assertThat(hops).extracting(Hop::failed).containsExactly(true, false, true, true);
        Screenshots.publish((TakesScreenshot) chromium.driver(), "rider-error");
    }

    @Test
    @Order(5)
    void theApiUrlComesFromTheAddressIsRememberedAndAnUnreachableApiIsNamed(RunningStage stage) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = "http://127.0.0.1:" + closedPort + "/restapis/abc/Prod";
        page.open(riderPage(stage) + "?api=" + unreachable);
        assertThat(page.apiUrl()).isEqualTo(unreachable);

        page.pickUpAt(0, 0).requestUnicorn();

        assertThat(page.error()).isEqualTo("Could not reach the API at " + unreachable + "/ride. Check the API URL; "
                + "a deployed API must also allow this page's origin (CORS).");
        page.open(riderPage(stage));
        assertThat(page.apiUrl()).as("remembered across page loads").isEqualTo(unreachable);
        page.forgetRememberedApi();
        page.open(riderPage(stage));
        assertThat(page.apiUrl()).startsWith(stage.cloud().endpoint());
    }

    @Test
    @Order(6)
    void theConsoleShowsTheFunctionsWithTheirInvokesLogsAndTheTraces(RunningStage stage) throws Exception {
        // Two rides, so that the fleet function has had a warm invoke whatever ran before.
        page.pickUpAt(20, -20).requestUnicorn();
        page.pickUpAt(-20, 20).requestUnicorn();
        String fleet = functionName(stage, "RequestUnicorn");

        JsonNode status = getJson(stage, "/_localcloud/status.json");
        JsonNode fleetStatus = null;
        for (JsonNode function : status.path("functions")) {
            if (function.path("name").asText().equals(fleet)) {
                fleetStatus = function;
            }
        }
        assertThat(fleetStatus).as("the fleet function in status.json").isNotNull();
        assertThat(fleetStatus.path("coldInvokes").asLong()).isEqualTo(1);
        assertThat(fleetStatus.path("warmInvokes").asLong()).isPositive();
        assertThat(fleetStatus.path("instances").asInt()).isEqualTo(1);
        assertThat(fleetStatus.path("recentInvocations").get(0).path("coldStart").asBoolean()).isFalse();

        List<String> log = JSON.convertValue(getJson(stage, "/_localcloud/functions/" + fleet + "/logs").path("lines"),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(log).anyMatch(line -> line.startsWith("START RequestId: "))
                .anyMatch(line -> line.startsWith("END RequestId: "))
                .anyMatch(line -> line.startsWith("REPORT RequestId: ") && line.contains("Init Duration: "))
                .anyMatch(line -> line.startsWith("REPORT RequestId: ") && !line.contains("Init Duration: "));

        chromium.driver().get(stage.cloud().endpoint() + "/_localcloud/");
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector("#functions tbody tr")).size() >= 3
                        && !d.findElements(By.cssSelector("#traces tbody tr a")).isEmpty()
                        && d.findElement(By.id("logs")).getText().contains("REPORT RequestId"));
        assertThat(chromium.driver().findElement(By.id("functions")).getText()).contains(fleet);
        String recordTable = stage.physicalId("wild-rydes-ride-record", "RideRecordTable");
        chromium.driver().findElements(By.cssSelector("#tables tbody tr")).stream()
                .filter(row -> row.getText().startsWith(recordTable)).findFirst().orElseThrow()
                .findElement(By.tagName("button")).click();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(10)).until(d ->
                d.findElement(By.id("items-title")).getText().startsWith(recordTable + ": "));
        assertThat(chromium.driver().findElement(By.id("items")).getText()).contains("RideId", "PickupLocation");

        // The whole console in one picture: as tall as the page.
        Dimension window = chromium.driver().manage().window().getSize();
        long pageHeight = (Long) ((JavascriptExecutor) chromium.driver()).executeScript(
                "return document.documentElement.scrollHeight + (window.outerHeight - window.innerHeight)");
        chromium.driver().manage().window().setSize(new Dimension(window.getWidth(), (int) pageHeight));
        try {
            Screenshots.publish((TakesScreenshot) chromium.driver(), "console");
        } finally {
            chromium.driver().manage().window().setSize(window);
        }

        // Each trace links to its timeline on the rider page.
        String newest = getJson(stage, "/_localcloud/traces?limit=1").path("traces").get(0).path("traceId").asText();
        // The console redraws its tables every 2 seconds, so the link is followed rather than clicked.
        String timeline = new WebDriverWait(chromium.driver(), Duration.ofSeconds(10)).until(d -> d.findElements(
                By.cssSelector("#traces tbody a[href='rider/?trace=" + newest + "']")).stream()
                .findFirst().map(link -> link.getDomProperty("href")).orElse(null));
        page.open(timeline);
        assertThat(page.traceId()).isEqualTo(newest);
        assertThat(path(page.awaitHops(hops -> hops.size() >= stage00Path(stage).size())))
                .containsExactlyElementsOf(stage00Path(stage));
    }

    @Test
    @Order(7)
    void theSamePageServedFromAnotherOriginCallsTheApiThroughCors(RunningStage stage) throws Exception {
        Path site = Path.of(System.getProperty("workshop.root", "..")).toAbsolutePath().resolve("rider-site");
        HttpServer otherOrigin = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0), site,
                SimpleFileServer.OutputLevel.NONE);
        otherOrigin.start();
        try {
            String rideApi = stage.cloud().stack("wild-rydes").flatMap(s -> s.output("RideApiUrl")).orElseThrow();
            page.open("http://127.0.0.1:" + otherOrigin.getAddress().getPort() + "/index.html?api=" + rideApi);

            page.pickUpAt(-60, 30).requestUnicorn();

            assertThat(page.showsRide()).as(page.error()).isTrue();
            assertThat(SEED_FLEET).containsKey(page.ride().unicornName());
            assertThat(page.hops()).as("no trace away from local-cloud").isEmpty();
            assertThat(chromium.driver().findElement(By.id("trace-note")).getText())
                    .startsWith("Traces are recorded when local-cloud serves this page.");
            page.forgetRememberedApi();
        } finally {
            otherOrigin.stop(0);
        }
    }

    private JsonNode getJson(RunningStage stage, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stage.cloud().endpoint() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
