package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.ServiceException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class LambdaUnicornFleetTest {

    private static final String FLEET =
            "arn:aws:lambda:us-east-1:123456789012:function:wild-rydes-ride-fleet-RequestUnicornInvoke-Jq3X9w:live";

    private final FakeLambdaClient lambda = new FakeLambdaClient();
    private final LambdaUnicornFleet fleet = new LambdaUnicornFleet(lambda, FLEET, LambdaUnicornFleet.CALL_TIMEOUT);

    @Test
    void invokesTheFleetFunctionSynchronouslyAndReadsTheUnicornItReturns() {
        lambda.returning(
                "{\"Name\":\"Rocinante\",\"Color\":\"Yellow\",\"DeviceId\":\"7d2e4f6a\",\"Stable\":\"North\"}");

        Unicorn unicorn = fleet.requestUnicorn();

        assertThat(unicorn).isEqualTo(new Unicorn("Rocinante", "Yellow", "7d2e4f6a"));
        assertThat(lambda.invoked()).singleElement().satisfies(invoke -> {
            assertThat(invoke.functionName()).isEqualTo(FLEET);
            assertThat(invoke.invocationType()).isEqualTo(InvocationType.REQUEST_RESPONSE);
            assertThat(invoke.payload().asUtf8String()).isEqualTo("{}");
            assertThat(invoke.qualifier()).as("the alias is in the ARN").isNull();
        });
    }

    static Stream<Arguments> functionErrors() {
        return Stream.of(
                Arguments.of(LambdaStub.NO_UNICORN_AVAILABLE, DownstreamFailure.UNAVAILABLE,
                        "The unicorn fleet is unavailable (NoUnicornAvailableException:"
                                + " No unicorn is available: the fleet is empty.)"),
                Arguments.of("{\"errorMessage\":\"The unicorn fleet could not be read just now; try again shortly.\","
                                + "\"errorType\":\"com.wildrydes.fleet.FleetUnavailableException\"}",
                        DownstreamFailure.UNAVAILABLE, "The unicorn fleet is unavailable (FleetUnavailableException:"
                                + " The unicorn fleet could not be read just now; try again shortly.)"),
                Arguments.of("{\"errorMessage\":\"2026-11-27T09:41:17.130Z 8f3c2a71 Task timed out after 10.00"
                                + " seconds\",\"errorType\":\"Sandbox.Timedout\"}",
                        DownstreamFailure.TIMEOUT, "The unicorn fleet did not finish in time: its function timed out"),
                Arguments.of("{\"errorMessage\":\"Connection refused: dynamodb.internal:8000\","
                                + "\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":[]}",
                        DownstreamFailure.BAD_RESPONSE,
                        "The unicorn fleet failed (Unhandled IllegalStateException)"),
                Arguments.of("Internal failure", DownstreamFailure.BAD_RESPONSE,
                        "The unicorn fleet failed (Unhandled (unknown))"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("functionErrors")
    void readsAFailedFunctionFromFunctionErrorThoughInvokeAnswered200(String errorDocument, DownstreamFailure kind,
            String message) {
        lambda.failingInTheFunction("Unhandled", errorDocument);

        DownstreamException failure = failure();

        assertThat(failure.failure()).isEqualTo(kind);
        assertThat(failure.getMessage()).isEqualTo(message).doesNotContain("dynamodb.internal");
    }

    @Test
    void passesOnTheFleetsOwnReasonButNeverAtAnyLength() {
        lambda.failingInTheFunction("Unhandled", "{\"errorMessage\":\"" + "x".repeat(500)
                + "\",\"errorType\":\"com.wildrydes.fleet.NoUnicornAvailableException\"}");

        assertThat(failure().getMessage()).hasSize("The unicorn fleet is unavailable (NoUnicornAvailableException: )"
                .length() + 200 + "...".length());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // The original workshop's fault: a JSON string that holds a Unicorn is not a Unicorn.
            "\"{\\\"Name\\\":\\\"Rocinante\\\",\\\"Color\\\":\\\"Yellow\\\",\\\"DeviceId\\\":\\\"7d2e4f6a\\\"}\"",
            "null", "", "{\"Name\":\"Rocinante\"}", "[]"})
    void refusesAPayloadThatIsNotAUnicorn(String payload) {
        lambda.returning(payload);

        DownstreamException failure = failure();

        assertThat(failure.failure()).isEqualTo(DownstreamFailure.BAD_RESPONSE);
        assertThat(failure.getMessage())
                .startsWith("The unicorn fleet answered with something that is not a Unicorn: ");
    }

    @Test
    void refusesAnInvokeThatDidNotAnswer200() {
        lambda.answering(InvokeResponse.builder().statusCode(202).build());

        DownstreamException failure = failure();

        assertThat(failure.failure()).isEqualTo(DownstreamFailure.BAD_RESPONSE);
        assertThat(failure.getMessage())
                .isEqualTo("The unicorn fleet answered the invoke with status 202 instead of 200");
    }

    static Stream<Arguments> invokeFailures() {
        return Stream.of(
                Arguments.of(ApiCallTimeoutException.create(6000), DownstreamFailure.TIMEOUT,
                        "The unicorn fleet did not answer within 6000 ms"),
                Arguments.of(SdkClientException.create("Unable to execute HTTP request: Connection refused"),
                        DownstreamFailure.UNAVAILABLE, "The unicorn fleet could not be reached"),
                Arguments.of(lambdaError(TooManyRequestsException.builder(), 429, "TooManyRequestsException"),
                        DownstreamFailure.UNAVAILABLE, "The unicorn fleet is unavailable (TooManyRequestsException)"),
                Arguments.of(lambdaError(ServiceException.builder(), 500, "ServiceException"),
                        DownstreamFailure.UNAVAILABLE, "The unicorn fleet is unavailable (ServiceException)"),
                Arguments.of(lambdaError(ResourceNotFoundException.builder(), 404, "ResourceNotFoundException"),
                        DownstreamFailure.BAD_RESPONSE,
                        "The unicorn fleet refused the call (ResourceNotFoundException)"),
                Arguments.of(lambdaError(LambdaException.builder(), 403,
                                "AccessDeniedException"),
                        DownstreamFailure.BAD_RESPONSE, "The unicorn fleet refused the call (AccessDeniedException)"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("invokeFailures")
    void mapsEachWayTheInvokeCallFailsToWhatTheRiderIsTold(RuntimeException sdkFailure, DownstreamFailure kind,
            String message) {
        lambda.failingWith(sdkFailure);

        DownstreamException failure = failure();

        assertThat(failure.failure()).isEqualTo(kind);
        assertThat(failure.getMessage()).isEqualTo(message);
        assertThat(failure.getCause()).isSameAs(sdkFailure);
    }

    @Test
    void theFunctionsClientIsBoundedByTheAdaptersTimeouts() {
        try (LambdaClient client = LambdaUnicornFleet.client(Region.EU_WEST_1)) {
            var configuration = client.serviceClientConfiguration();

            assertThat(configuration.region()).isEqualTo(Region.EU_WEST_1);
            assertThat(configuration.overrideConfiguration().apiCallTimeout()).contains(Duration.ofSeconds(6));
            assertThat(configuration.overrideConfiguration().apiCallAttemptTimeout()).contains(Duration.ofSeconds(5));
        }
    }

    @Test
    void aFleetThatNeverAnswersTimesOutAfterTheCallTimeout() {
        Duration timeout = Duration.ofMillis(300);
        try (HttpStub stalled = HttpStub.start().stalling();
                SdkStubEndpoint endpoint = SdkStubEndpoint.of("Lambda", stalled.uri("/"));
                LambdaClient client = LambdaUnicornFleet.client(Region.US_EAST_1, timeout, timeout)) {
            LambdaUnicornFleet fleet = new LambdaUnicornFleet(client, FLEET, timeout);
            long start = System.nanoTime();

            DownstreamException failure = catchThrowableOfType(DownstreamException.class, fleet::requestUnicorn);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(failure.failure()).isEqualTo(DownstreamFailure.TIMEOUT);
            assertThat(failure.getMessage()).isEqualTo("The unicorn fleet did not answer within 300 ms");
        }
    }

    private DownstreamException failure() {
        DownstreamException failure = catchThrowableOfType(DownstreamException.class, fleet::requestUnicorn);
        assertThat(failure).as("expected the call to fail").isNotNull();
        return failure;
    }

    private static RuntimeException lambdaError(
            LambdaException.Builder builder, int status, String code) {
        return builder.statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " happened").build())
                .build();
    }
}
