package com.wildrydes.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.localcloud.LocalCloud;
import com.wildrydes.localcloud.LocalCloudOptions;
import com.wildrydes.localcloud.StagePlan;
import com.wildrydes.localcloud.StageService;
import com.wildrydes.localcloud.testing.AwsClients;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays a lab on one running local-cloud, the way a learner does it: the stage before the lab is
 * deployed, then each step's changed services are redeployed in turn while a rider keeps booking rides.
 * After every step, every ride that got its 201 must be recorded: no step breaks the system or drops rides.
 *
 * <p>{@code scripts/solutions check} runs it with {@code -Dlab.steps=<stage before>,<after step 1>,...}:
 * folders of the stage at each step, built. Without that property it has nothing to replay and is skipped.
 */
class LabReplayIT {

    private static final String RIDE = "{\"PickupLocation\":{\"Latitude\":47.6,\"Longitude\":-122.3}}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RECORDING_DEADLINE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyStepKeepsRecordingEveryAcceptedRide() throws Exception {
        String steps = System.getProperty("lab.steps");
        Assumptions.assumeTrue(steps != null && !steps.isBlank(),
                "no lab to replay: scripts/solutions check passes -Dlab.steps=<stage>,<step 1>,...");
        List<Path> states = Arrays.stream(steps.split(",")).map(s -> Path.of(s.trim())).toList();

        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.ephemeral());
             DynamoDbClient dynamodb = AwsClients.at(DynamoDbClient.builder(), URI.create(cloud.endpoint()))) {
            cloud.deployStage(states.getFirst());
            assertAllRecorded(cloud, dynamodb, List.of(ride(cloud)), "the stage before the lab");

            for (int step = 1; step < states.size(); step++) {
                List<String> accepted = new ArrayList<>();
                Set<String> failures = ConcurrentHashMap.newKeySet();
                AtomicBoolean deploying = new AtomicBoolean(true);
                Thread rider = Thread.ofVirtual().start(() -> keepRiding(cloud, deploying, accepted, failures));
                List<String> redeployed = new ArrayList<>();
                try {
                    for (StageService service : changedServices(states.get(step - 1), states.get(step))) {
                        cloud.deploy(service.stackName(), service.template(), Map.of());
                        redeployed.add(service.stackName());
                    }
                } finally {
                    deploying.set(false);
                    rider.join();
                }
                accepted.add(ride(cloud));
                System.out.printf("lab step %d: redeployed %s; %d rides accepted during and after it; %d refused while updating%n",
                        step, redeployed, accepted.size(), failures.size());
                assertAllRecorded(cloud, dynamodb, accepted, "step " + step + " (" + states.get(step) + ")");
            }
        }
    }

    /** Books rides while a step deploys; a refused ride is not accepted, so it need not be recorded. */
    private void keepRiding(LocalCloud cloud, AtomicBoolean deploying, List<String> accepted, Set<String> failures) {
        while (deploying.get()) {
            try {
                HttpResponse<String> response = post(cloud);
                if (response.statusCode() == 201) {
                    synchronized (accepted) {
                        accepted.add(JSON.readTree(response.body()).path("RideId").asText());
                    }
                } else {
                    failures.add(response.statusCode() + " " + response.body());
                }
                Thread.sleep(100);
            } catch (IOException e) {
                failures.add(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String ride(LocalCloud cloud) throws Exception {
        HttpResponse<String> response = post(cloud);
        assertThat(response.statusCode()).as("a ride after the step: %s", response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("RideId").asText();
    }

    private HttpResponse<String> post(LocalCloud cloud) throws IOException, InterruptedException {
        String url = cloud.apiUrl("wild-rydes").orElseThrow() + "/ride";
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RIDE)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAllRecorded(LocalCloud cloud, DynamoDbClient dynamodb, List<String> rideIds, String when)
            throws InterruptedException {
        String table = cloud.stack("wild-rydes-ride-record").flatMap(s -> s.resource("RideRecordTable"))
                .orElseThrow().physicalId();
        List<String> missing = new ArrayList<>(rideIds);
        long deadline = System.nanoTime() + RECORDING_DEADLINE.toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            missing.removeIf(id -> !dynamodb.getItem(r -> r.tableName(table).consistentRead(true)
                    .key(Map.of("RideId", AttributeValue.fromS(id)))).item().isEmpty());
            if (!missing.isEmpty()) {
                Thread.sleep(200);
            }
        }
        assertThat(missing).as("rides accepted with 201 but not recorded within %s, at %s", RECORDING_DEADLINE, when).isEmpty();
    }

    /** The services whose sources, pom or template differ between two states, in the newer state's deploy order. */
    private static List<StageService> changedServices(Path before, Path after) {
        List<StageService> services = deployOrder(after);
        return services.stream().filter(s -> !sameSources(before.resolve(s.stackName()), after.resolve(s.stackName()))).toList();
    }

    /** A mid-lab state can read parameters both ways (it is only reached by upgrading); then folder order will do. */
    private static List<StageService> deployOrder(Path stage) {
        try {
            return StagePlan.of(stage).services();
        } catch (IllegalStateException cycle) {
            try (Stream<Path> children = Files.list(stage)) {
                return children.filter(d -> Files.isRegularFile(d.resolve("template.yaml"))).sorted()
                        .map(d -> new StageService(d.getFileName().toString(), d.resolve("template.yaml"), Set.of(), Set.of()))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static boolean sameSources(Path before, Path after) {
        if (!Files.isDirectory(before)) {
            return false;
        }
        return contents(before).equals(contents(after));
    }

    private static Map<String, String> contents(Path serviceDir) {
        try (Stream<Path> files = Files.walk(serviceDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !serviceDir.relativize(f).startsWith("target"))
                    .collect(java.util.stream.Collectors.toMap(f -> serviceDir.relativize(f).toString(), LabReplayIT::read));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
