package com.wildrydes.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.localcloud.runtime.InjectedFault;
import com.wildrydes.workshop.Redrive;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fault of the fault matrix, acted out on a deployed stage: inject it into a function, book rides,
 * check what the riders saw and how long they waited, recover (clear the fault, redrive the dead-letter
 * queue if the stage has one) and count the accepted rides that were never recorded. Each run prints a
 * line of the matrix: stage, fault, what the riders saw, lost.
 */
final class FaultMatrix {

    /** What the architecture lets the rider see under the fault. */
    enum RiderSees { ERROR, SUCCESS }

    /**
     * @param times          invokes the fault applies to; 0 for every invoke until it is cleared
     * @param unconfirmedOk  the rider may be told of a failure for a ride that was recorded all the same (a response
     *                       dropped after the write), which loses nothing but leaves a record without a 201
     * @param holdForDeadLetters keep the fault until this many events are in the dead-letter queue, so that the
     *                       redrive is what recovers them; 0 clears it as soon as the riders have their answers
     * @param rides          rides booked under the fault; one for the faults that hold the rider for seconds
     */
    record Case(String name, String stack, String function, InjectedFault fault, int times, RiderSees expected,
                Duration riderBound, boolean unconfirmedOk, int holdForDeadLetters, int rides) {

        Case(String name, String stack, String function, InjectedFault fault, int times, RiderSees expected,
             Duration riderBound) {
            this(name, stack, function, fault, times, expected, riderBound, false, 0, 2);
        }

        /** The same fault, with one ride only. */
        Case once() {
            return new Case(name, stack, function, fault, times, expected, riderBound, unconfirmedOk, holdForDeadLetters, 1);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RIDE = "{\"PickupLocation\":{\"Latitude\":47.6,\"Longitude\":-122.3}}";
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private final RunningStage stage;
    private final String stageName;
    private final Optional<String> deadLetterQueue;

    FaultMatrix(RunningStage stage, String stageName, Optional<String> deadLetterQueue) {
        this.stage = stage;
        this.stageName = stageName;
        this.deadLetterQueue = deadLetterQueue;
    }

    void run(Case c) throws Exception {
        String function = stage.functionName(c.stack(), c.function());
        String table = stage.physicalId("wild-rydes-ride-record", "RideRecordTable");
        Set<String> recordedBefore = rideIds(table);
        List<String> seen = new ArrayList<>();
        Set<String> accepted = new HashSet<>();
        Duration slowest = Duration.ZERO;
        long lastSentAt = System.nanoTime();

        stage.cloud().lambda().injectFault(function, c.fault(), c.times());
        try {
            for (int i = 0; i < c.rides(); i++) {
                long start = System.nanoTime();
                lastSentAt = start;
                HttpResponse<String> response = stage.post(stage.apiUrl("wild-rydes") + "/ride", RIDE);
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                slowest = waited.compareTo(slowest) > 0 ? waited : slowest;
                JsonNode body = JSON.readTree(response.body());
                if (response.statusCode() == 201) {
                    accepted.add(body.path("RideId").asText());
                    seen.add("201");
                } else {
                    seen.add(response.statusCode() + " " + body.path("error").asText());
                    assertThat(response.statusCode()).as(c.name() + ": " + response.body()).isBetween(500, 504);
                    assertThat(body.path("message").asText()).as(c.name() + ": a clear message, no stack trace")
                            .isNotBlank().doesNotContain("at com.");
                }
                assertThat(waited).as(c.name() + ": the rider's wait").isLessThan(c.riderBound());
            }
            if (c.holdForDeadLetters() > 0) {
                RunningStage.eventually(SETTLE, c.name() + ": the failed events reach the dead-letter queue",
                        () -> deadLetterDepth() >= c.holdForDeadLetters());
            }
        } finally {
            stage.cloud().lambda().clearFault(function);
        }
        if (c.fault() instanceof InjectedFault.Sleep sleep) {
            // A delayed invocation the caller gave up on still runs to the end; count what it wrote, here and
            // not in the next case.
            long drained = lastSentAt + Duration.ofMillis(sleep.millis() + 1_000).toNanos();
            Thread.sleep(Math.max(0, Duration.ofNanos(drained - System.nanoTime()).toMillis()));
        }
        if (c.expected() == RiderSees.SUCCESS) {
            assertThat(accepted).as(c.name() + ": the rider is not affected: " + seen).hasSize(c.rides());
        } else {
            assertThat(accepted).as(c.name() + ": the rider hears of the failure: " + seen).isEmpty();
        }

        int redriven = recover(function, accepted, table);
        Set<String> gained = new HashSet<>(rideIds(table));
        gained.removeAll(recordedBefore);
        Set<String> lost = new HashSet<>(accepted);
        lost.removeAll(gained);
        Set<String> unconfirmed = new HashSet<>(gained);
        unconfirmed.removeAll(accepted);

        System.out.printf("FAULT-MATRIX | %-28s | %-44s | rider saw %-30s max %5d ms | 201s %d, records %d, redriven %d | lost %d%n",
                stageName, c.name(), new TreeSet<>(seen), slowest.toMillis(), accepted.size(), gained.size(), redriven,
                lost.size());
        assertThat(lost).as(c.name() + ": accepted rides never recorded").isEmpty();
        if (!c.unconfirmedOk()) {
            assertThat(gained).as(c.name() + ": records beyond the 201s").hasSameSizeAs(accepted);
        }
    }

    /**
     * Waits until every accepted ride is recorded; with a dead-letter queue, redrives it whenever the path has
     * gone quiet with rides still missing. Returns how many events were redriven.
     */
    private int recover(String faultedFunction, Set<String> accepted, String table) throws InterruptedException {
        int redriven = 0;
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> missing = new HashSet<>(accepted);
            missing.removeAll(rideIds(table));
            if (missing.isEmpty()) {
                break;
            }
            if (deadLetterQueue.isPresent() && deadLetterDepth() > 0) {
                String recordFunction = stage.functionName("wild-rydes-ride-record", "RecordRide");
                ByteArrayOutputStream log = new ByteArrayOutputStream();
                Redrive.Result result = new Redrive(stage.sqs(), stage.lambda(), new PrintStream(log, true))
                        .run(deadLetterQueue.get(), recordFunction);
                assertThat(result.failed()).as(log.toString()).isZero();
                redriven += result.redriven();
            }
            Thread.sleep(200);
        }
        // A write that outlived the caller can land a moment after the rider heard back.
        Thread.sleep(300);
        return redriven;
    }

    private int deadLetterDepth() {
        var attributes = stage.sqs().getQueueAttributes(r -> r.queueUrl(deadLetterQueue.orElseThrow()).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
        return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }

    private Set<String> rideIds(String table) {
        Set<String> ids = new HashSet<>();
        stage.scan(table).forEach(item -> ids.add(item.get("RideId").s()));
        return ids;
    }
}
