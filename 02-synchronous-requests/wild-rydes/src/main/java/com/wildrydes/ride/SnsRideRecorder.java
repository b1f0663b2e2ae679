package com.wildrydes.ride;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Rides reach the ride-record service as RideRequested events on the rides topic: the ride's JSON is the message,
 * and the event's type, version and correlation id are message attributes, so that a subscriber can filter on the
 * type, and refuse a version it does not know, before reading the body.
 */
final class SnsRideRecorder implements RideRecorder {

    static final String EVENT_TYPE = "RideRequested";
    static final String EVENT_VERSION = "1";

    /** A publish takes tens of milliseconds; these bound a slow one well inside the function's own timeout. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private static final String SERVICE = "The rides topic";

    private final SnsClient sns;
    private final String topicArn;

    SnsRideRecorder(SnsClient sns, String topicArn) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
    }

    /** The client the function uses: one per execution environment, with this adapter's timeouts. */
    static SnsClient client(Region region) {
        return SnsClient.builder()
                .region(region)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> config
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT))
                .build();
    }

    @Override
    public void record(Ride ride, CorrelationId correlationId) {
        PublishRequest request = PublishRequest.builder()
                .topicArn(topicArn)
                .message(JsonCodec.toJson(ride))
                .messageAttributes(Map.of(
                        "EventType", text(EVENT_TYPE),
                        "EventVersion", text(EVENT_VERSION),
                        "CorrelationId", text(correlationId.value())))
                .build();
        try {
            sns.publish(request);
        } catch (SdkException e) {
            throw SdkCallFailures.downstream(SERVICE, CALL_TIMEOUT, e);
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
