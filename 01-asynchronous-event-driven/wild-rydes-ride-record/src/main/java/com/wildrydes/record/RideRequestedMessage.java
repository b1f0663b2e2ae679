package com.wildrydes.record;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.util.Map;

/**
 * One RideRequested event as SNS hands it to RecordRide: the Ride JSON as the message, and what the message is in
 * its attributes, which wild-rydes sets on every publish. Reading the ids never fails, so that even a message that
 * cannot be recorded can be named in the log.
 */
public record RideRequestedMessage(
        String messageId, String correlationId, String eventType, String eventVersion, String body) {

    public static final String EVENT_TYPE = "RideRequested";
    public static final String SUPPORTED_VERSION = "1";

    public static RideRequestedMessage of(SNSEvent.SNSRecord record) {
        var sns = record == null ? null : record.getSNS();
        if (sns == null) {
            return new RideRequestedMessage(null, null, null, null, null);
        }
        var attributes = sns.getMessageAttributes() == null
                ? Map.<String, SNSEvent.MessageAttribute>of()
                : sns.getMessageAttributes();
        return new RideRequestedMessage(sns.getMessageId(), value(attributes, "CorrelationId"),
                value(attributes, "EventType"), value(attributes, "EventVersion"), sns.getMessage());
    }

    /**
     * The ride the message carries.
     *
     * @throws InvalidRideException if this is not a RideRequested event of a version this service reads, or its
     *                              message is not a valid Ride; retrying cannot change either
     */
    public Ride ride(RideParser parser) {
        if (!EVENT_TYPE.equals(eventType)) {
            throw InvalidRideException.unsupportedEvent("EventType " + quoted(eventType) + " is not supported;"
                    + " RecordRide reads " + EVENT_TYPE + " events only");
        }
        if (!SUPPORTED_VERSION.equals(eventVersion)) {
            throw InvalidRideException.unsupportedEvent("EventVersion " + quoted(eventVersion) + " of "
                    + EVENT_TYPE + " is not supported; supported: " + SUPPORTED_VERSION);
        }
        if (body == null || body.isBlank()) {
            throw InvalidRideException.malformed(
                    "The message is empty; a " + EVENT_TYPE + " message is a Ride as JSON");
        }
        return parser.parse(body);
    }

    /** How log lines name the message: SNS's id for it and the id of the request that caused it. */
    public String describe() {
        return "message " + orNone(messageId) + " (correlationId " + orNone(correlationId) + ")";
    }

    private static String value(Map<String, SNSEvent.MessageAttribute> attributes, String name) {
        var attribute = attributes.get(name);
        return attribute == null ? null : attribute.getValue();
    }

    private static String quoted(String value) {
        return value == null ? "(missing)" : "'" + value + "'";
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "(none)" : value;
    }
}
