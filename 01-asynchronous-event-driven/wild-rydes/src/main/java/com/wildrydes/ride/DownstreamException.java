package com.wildrydes.ride;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A call to another service failed. The message is a sentence fit for the rider: it names the service and what
 * went wrong, never an address or a stack trace.
 */
final class DownstreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final DownstreamFailure failure;
    private final UUID rideId;

    DownstreamException(DownstreamFailure failure, String message) {
        this(failure, message, null, null);
    }

    DownstreamException(DownstreamFailure failure, String message, Throwable cause) {
        this(failure, message, null, cause);
    }

    private DownstreamException(DownstreamFailure failure, String message, UUID rideId, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.rideId = rideId;
    }

    DownstreamFailure failure() {
        return failure;
    }

    /** The ride being handed over when the call failed, if any: after a timeout it may be recorded after all. */
    Optional<UUID> rideId() {
        return Optional.ofNullable(rideId);
    }

    /** The same failure, tagged with the ride it concerns. */
    DownstreamException forRide(UUID rideId) {
        return new DownstreamException(failure, getMessage(), Objects.requireNonNull(rideId, "rideId"), this);
    }
}
