package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRideRecorderTest {

    private static final String TRACE = "Root=1-6927e0b3-3f1a2b4c5d6e7f8091a2b3c4;Parent=53995c3f42cd8ad8;Sampled=1";
    private static final Ride RIDE = new Ride(
            UUID.fromString("0b7c3f1e-6d2a-4c8b-9e5f-1a2b3c4d5e6f"),
            new Unicorn("Bucephalus", "Golden", "5e1c8a2f-3b7d-4f90-8c6e-2d4a6b8c0e1f"),
            Instant.parse("2026-11-27T09:41:07.123Z"),
            new PickupLocation(47.6174755835663, -122.28837066650185));

    private final HttpStub rideRecord = HttpStub.start();
    private final HttpRideRecorder recorder = new HttpRideRecorder(
            new JsonHttp(Duration.ofSeconds(5), Duration.ofSeconds(5), () -> Optional.of(TRACE)),
            rideRecord.uri("/Prod/record"));

    @AfterEach
    void stopStub() {
        rideRecord.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 204})
    void postsTheRideAsJsonForwardingTheTrace(int status) throws InterruptedException {
        rideRecord.answering(status, status == 204 ? "" : "{\"RideId\":\"" + RIDE.rideId() + "\"}");

        assertThatNoException().isThrownBy(() -> recorder.record(RIDE));

        HttpStub.Received request = rideRecord.takeRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/Prod/record");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Amzn-Trace-Id")).isEqualTo(TRACE);
        assertThat(request.body()).isEqualTo(JsonCodec.toJson(RIDE));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 409, 500})
    void reportsAFailureStatusAsABadResponse(int status) {
        rideRecord.answering(status, "{\"error\":\"InternalError\",\"message\":\"Write failed\"}");

        DownstreamException failure = failure();

        assertThat(failure.failure()).isEqualTo(DownstreamFailure.BAD_RESPONSE);
        assertThat(failure.getMessage())
                .isEqualTo("The ride record service answered HTTP " + status + ": Write failed");
    }

    @Test
    void reportsAn503AsUnavailable() {
        rideRecord.answering(503, "");

        DownstreamException failure = failure();

        assertThat(failure.failure()).isEqualTo(DownstreamFailure.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("The ride record service is unavailable (HTTP 503)");
    }

    @Test
    void timesOutWhenTheServiceDoesNotAnswer() {
        rideRecord.stalling();
        HttpRideRecorder impatient = new HttpRideRecorder(
                new JsonHttp(Duration.ofMillis(300), Duration.ofMillis(300), () -> Optional.of(TRACE)),
                rideRecord.uri("/Prod/record"));
        long start = System.nanoTime();

        DownstreamException failure = catchThrowableOfType(DownstreamException.class, () -> impatient.record(RIDE));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(failure.failure()).isEqualTo(DownstreamFailure.TIMEOUT);
        assertThat(failure.getMessage()).isEqualTo("The ride record service did not answer within 300 ms");
    }

    private DownstreamException failure() {
        DownstreamException failure = catchThrowableOfType(DownstreamException.class, () -> recorder.record(RIDE));
        assertThat(failure).as("expected the call to fail").isNotNull();
        return failure;
    }
}
