package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;

class SnsRideRecorderTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:wild-rydes-RidesTopic-4BQJ2X7M9KZ1";
    private static final CorrelationId CORRELATION_ID = new CorrelationId("c6af9ac6-7b61-4e1f-9a41-93e8d1b2c3f4");
    private static final Ride RIDE = new Ride(
            UUID.fromString("0b7c3f1e-6d2a-4c8b-9e5f-1a2b3c4d5e6f"),
            new Unicorn("Bucephalus", "Golden", "5e1c8a2f-3b7d-4f90-8c6e-2d4a6b8c0e1f"),
            Instant.parse("2026-11-27T09:41:07.123Z"),
            new PickupLocation(47.6174755835663, -122.28837066650185));

    private final FakeSnsClient sns = new FakeSnsClient();

    @Test
    void publishesTheRideAsARideRequestedEventToTheTopic() {
        new SnsRideRecorder(sns, TOPIC).record(RIDE, CORRELATION_ID);

        assertThat(sns.published()).singleElement().satisfies(publish -> {
            assertThat(publish.topicArn()).isEqualTo(TOPIC);
            assertThat(publish.message()).isEqualTo(JsonCodec.toJson(RIDE));
            assertThat(publish.messageAttributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "EventType", text("RideRequested"),
                    "EventVersion", text("1"),
                    "CorrelationId", text("c6af9ac6-7b61-4e1f-9a41-93e8d1b2c3f4")));
            assertThat(publish.subject()).isNull();
        });
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(ApiCallTimeoutException.create(3000), DownstreamFailure.TIMEOUT,
                        "The rides topic did not answer within 3000 ms"),
                Arguments.of(SdkClientException.create("Unable to execute HTTP request: Connection refused"),
                        DownstreamFailure.UNAVAILABLE, "The rides topic could not be reached"),
                Arguments.of(snsError(400, "Throttling"), DownstreamFailure.UNAVAILABLE,
                        "The rides topic is unavailable (Throttling)"),
                Arguments.of(snsError(500, "InternalError"), DownstreamFailure.UNAVAILABLE,
                        "The rides topic is unavailable (InternalError)"),
                Arguments.of(snsError(403, "AuthorizationError"), DownstreamFailure.BAD_RESPONSE,
                        "The rides topic refused the call (AuthorizationError)"),
                Arguments.of(NotFoundException.builder().statusCode(404).awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("NotFound").errorMessage("Topic does not exist").build()).build(),
                        DownstreamFailure.BAD_RESPONSE, "The rides topic refused the call (NotFound)"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("failures")
    void mapsEachWayAPublishFailsToWhatTheRiderIsTold(RuntimeException sdkFailure, DownstreamFailure kind,
            String message) {
        SnsRideRecorder recorder = new SnsRideRecorder(sns.failingWith(sdkFailure), TOPIC);

        DownstreamException failure = catchThrowableOfType(DownstreamException.class,
                () -> recorder.record(RIDE, CORRELATION_ID));

        assertThat(failure.failure()).isEqualTo(kind);
        assertThat(failure.getMessage()).isEqualTo(message);
        assertThat(failure.getCause()).isSameAs(sdkFailure);
    }

    @Test
    void theFunctionsClientIsBoundedByTheAdaptersTimeouts() {
        try (SnsClient client = SnsRideRecorder.client(Region.EU_WEST_1)) {
            var configuration = client.serviceClientConfiguration();

            assertThat(configuration.region()).isEqualTo(Region.EU_WEST_1);
            assertThat(configuration.overrideConfiguration().apiCallTimeout()).contains(Duration.ofSeconds(3));
            assertThat(configuration.overrideConfiguration().apiCallAttemptTimeout()).contains(Duration.ofSeconds(2));
        }
    }

    private static SnsException snsError(int status, String code) {
        return (SnsException) SnsException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " happened").build())
                .build();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
