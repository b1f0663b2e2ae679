package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUnicornFleetTest {

    private static final String TRACE = "Root=1-6927e0b3-3f1a2b4c5d6e7f8091a2b3c4;Parent=53995c3f42cd8ad8;Sampled=1";
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    /** For the calls that should succeed or fail fast: a slow machine must not turn them into timeouts. */
    private static final Duration PATIENT = Duration.ofSeconds(5);

    private final HttpStub fleet = HttpStub.start();

    @AfterEach
    void stopStub() {
        fleet.close();
    }

    @Test
    void getsAUnicornFromTheConfiguredUrlForwardingTheTrace() throws InterruptedException {
        fleet.answering(200, "{\"Name\":\"Rocinante\",\"Color\":\"Yellow\",\"DeviceId\":\"7d2e4f6a\"}");

        Unicorn unicorn = adapter(Optional.of(TRACE), fleet.uri("/Prod/unicorn")).requestUnicorn();

        assertThat(unicorn).isEqualTo(new Unicorn("Rocinante", "Yellow", "7d2e4f6a"));
        HttpStub.Received request = fleet.takeRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/Prod/unicorn");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("X-Amzn-Trace-Id")).isEqualTo(TRACE);
        assertThat(request.body()).isEmpty();
    }

    @Test
    void sendsNoTraceHeaderWhenThereIsNoTrace() throws InterruptedException {
        fleet.answering(200, "{\"Name\":\"Rocinante\",\"Color\":\"Yellow\",\"DeviceId\":\"7d2e4f6a\"}");

        adapter(Optional.empty(), fleet.uri("/unicorn")).requestUnicorn();

        assertThat(fleet.takeRequest().headers()).doesNotContainKey("x-amzn-trace-id");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 500, 502, 504})
    void reportsAnyOtherFailureStatusAsABadResponse(int status) {
        fleet.answering(status, "{\"error\":\"Oops\",\"message\":\"The table is gone\"}");

        DownstreamException failure = failure();

        assertThat(failure.failure()).isEqualTo(DownstreamFailure.BAD_RESPONSE);
        assertThat(failure.getMessage())
                .isEqualTo("The unicorn fleet answered HTTP " + status + ": The table is gone");
    }

    @Test
    void reportsAn503AsUnavailablePassingOnTheFleetsReason() {
        fleet.answering(503, "{\"error\":\"ServiceUnavailable\",\"message\":\"No unicorn is available\"}");

        DownstreamException failure = failure();

        assertThat(failure.failure()).isEqualTo(DownstreamFailure.UNAVAILABLE);
        assertThat(failure.getMessage())
                .isEqualTo("The unicorn fleet is unavailable (HTTP 503: No unicorn is available)");
    }

    @Test
    void reportsAn503WithoutAJsonBodyByStatusAlone() {
        fleet.answering(503, "Service Unavailable");

        assertThat(failure().getMessage()).isEqualTo("The unicorn fleet is unavailable (HTTP 503)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Internal server error", "", "{\"Name\":\"Shadowfax\"}", "[]"})
    void reportsA2xxThatIsNotAUnicornAsABadResponse(String body) {
        fleet.answering(200, body);

        DownstreamException failure = failure();

        assertThat(failure.failure()).isEqualTo(DownstreamFailure.BAD_RESPONSE);
        assertThat(failure.getMessage()).startsWith("The unicorn fleet answered with something that is not a Unicorn");
    }

    @Test
    void timesOutOnAFleetThatNeverAnswers() {
        fleet.stalling();

        assertTimesOutQuickly();
    }

    @Test
    void timesOutOnAFleetThatStopsHalfwayThroughItsAnswer() {
        fleet.stallingMidBody();

        assertTimesOutQuickly();
    }

    @Test
    void reportsARefusedConnectionAsUnavailable() throws IOException {
        URI nobodyListens;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListens = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/unicorn");
        }

        DownstreamException failure = catchThrowableOfType(DownstreamException.class,
                () -> adapter(Optional.empty(), nobodyListens).requestUnicorn());

        assertThat(failure.failure()).isEqualTo(DownstreamFailure.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("The unicorn fleet is unavailable: it could not be connected to");
    }

    private void assertTimesOutQuickly() {
        long start = System.nanoTime();

        DownstreamException failure = failure(SHORT_TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(failure.failure()).isEqualTo(DownstreamFailure.TIMEOUT);
        assertThat(failure.getMessage()).isEqualTo("The unicorn fleet did not answer within 300 ms");
    }

    private DownstreamException failure() {
        return failure(PATIENT);
    }

    private DownstreamException failure(Duration timeout) {
        DownstreamException failure = catchThrowableOfType(DownstreamException.class,
                () -> adapter(Optional.empty(), fleet.uri("/unicorn"), timeout).requestUnicorn());
        assertThat(failure).as("expected the call to fail").isNotNull();
        return failure;
    }

    private static HttpUnicornFleet adapter(Optional<String> trace, URI url) {
        return adapter(trace, url, PATIENT);
    }

    private static HttpUnicornFleet adapter(Optional<String> trace, URI url, Duration timeout) {
        return new HttpUnicornFleet(new JsonHttp(timeout, timeout, () -> trace), url);
    }
}
