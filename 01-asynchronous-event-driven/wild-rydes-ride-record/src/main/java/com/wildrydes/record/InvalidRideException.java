package com.wildrydes.record;

/**
 * A ride document, or a message carrying one, that cannot be recorded; the message names the problem, and the field
 * when there is one.
 */
public final class InvalidRideException extends RuntimeException {

    private final String error;

    private InvalidRideException(String error, String message) {
        super(message);
        this.error = error;
    }

    /** Not JSON at all, or JSON that is not an object. */
    public static InvalidRideException malformed(String message) {
        return new InvalidRideException("MalformedJson", message);
    }

    /** Well-formed JSON whose field breaks the Ride contract. */
    public static InvalidRideException invalidField(String message) {
        return new InvalidRideException("InvalidRide", message);
    }

    /** A message that is not an event this service reads: another EventType, or an EventVersion it does not know. */
    public static InvalidRideException unsupportedEvent(String message) {
        return new InvalidRideException("UnsupportedEvent", message);
    }

    /** A stable code callers can branch on: MalformedJson, InvalidRide or UnsupportedEvent. */
    public String error() {
        return error;
    }
}
