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
 * One fault of the fault matrix, acted out on a deployed stage: inject it into a function or stop a stack, book rides,
 * check what the riders saw and how long they waited, recover (clear the fault, redrive the dead-letter
 * queue if the stage has one) and count the accepted rides that were never recorded. Each run prints a
 * line of the matrix: stage, fault, what the riders saw, lost.
 */
final class FaultMatrix {

    /** What the architecture lets the rider see under the fault. */
    enum RiderSees { ERROR, SUCCESS }

    /** What goes wrong during a case, and how it is put right before the lost rides are counted. */
    sealed interface Disruption {
    }

    /** A fault injected into one function's invokes, cleared afterwards. */
    record FunctionFault(InjectedFault fault) implements Disruption {
    }

    /** The whole stack deleted, as if its service were taken down; deployed again from its template afterwards. */
    record StackStopped() implements Disruption {
    }

    /**
     * @param function       the function the fault is injected into; for a stopped stack, unused
     * @param times          invokes the fault applies to; 0 for every invoke until it is cleared
     * @param unconfirmedOk  the rider may be told of a failure for a ride that was recorded all the same (a response
     *                       dropped after the write), which loses nothing but leaves a record without a 201
     * @param holdForDeadLetters keep the fault until this many events are in the dead-letter queue, so that the
     *                       redrive is what recovers them; 0 clears it as soon as the riders have their answers
     * @param rides          rides booked under the fault; one for the faults that hold the rider for seconds
     */
    record Case(String name, String stack, String function, Disruption disruption, int times, RiderSees expected,
                Duration riderBound, boolean unconfirmedOk, int holdForDeadLetters, int rides) {

        Case(String name, String stack, String function, InjectedFault fault, int times, RiderSees expected,
             Duration riderBound, boolean unconfirmedOk, int holdForDeadLetters, int rides) {
            this(name, stack, function, new FunctionFault(fault), times, expected, riderBound, unconfirmedOk,
                    holdForDeadLetters, rides);
        }

        Case(String name, String stack, String function, InjectedFault fault, int times, RiderSees expected,
             Duration riderBound) {
            this(name, stack, function, fault, times, expected, riderBound, false, 0, 2);
        }

        /** The stack stopped while riders book; it is deployed again to recover. */
        static Case stackStopped(String stack, RiderSees expected, Duration riderBound) {
            return new Case(stack + " stack stopped", stack, "", new StackStopped(), 0, expected, riderBound,
                    false, 0, 2);
        }

        /** The same fault, with one ride only. */
        Case once() {
            return new Case(name, stack, function, disruption, times, expected, riderBound, unconfirmedOk,
                    holdForDeadLetters, 1);
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
        String table = stage.physicalId("wild-rydes-ride-record", "RideRecordTable");
        Set<String> recordedBefore = rideIds(table);
        List<String> seen = new ArrayList<>();
        Set<String> accepted = new HashSet<>();
        Duration slowest = Duration.ZERO;
        long lastSentAt = System.nanoTime();

        start(c);
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
            end(c);
        }
        if (c.disruption() instanceof FunctionFault(InjectedFault.Sleep sleep)) {
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

        if (c.disruption() instanceof StackStopped) {
            // Recovered means riders are served again, not only that nothing was lost.
            HttpResponse<String> after = stage.post(stage.apiUrl("wild-rydes") + "/ride", RIDE);
            assertThat(after.statusCode()).as(c.name() + ": a ride once the stack is back: " + after.body()).isEqualTo(201);
            accepted.add(JSON.readTree(after.body()).path("RideId").asText());
        }
        int redriven = recover(accepted, table);
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
    private int recover(Set<String> accepted, String table) throws InterruptedException {
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

    private void start(Case c) {
        switch (c.disruption()) {
            case FunctionFault(InjectedFault fault) ->
                    stage.cloud().lambda().injectFault(stage.functionName(c.stack(), c.function()), fault, c.times());
            case StackStopped() -> stage.cloud().deleteStack(c.stack());
        }
    }

    private void end(Case c) {
        switch (c.disruption()) {
            case FunctionFault ignored ->
                    stage.cloud().lambda().clearFault(stage.functionName(c.stack(), c.function()));
            case StackStopped() -> stage.redeploy(c.stack());
        }
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
