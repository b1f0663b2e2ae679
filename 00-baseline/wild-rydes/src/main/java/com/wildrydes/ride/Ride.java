package com.wildrydes.ride;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A booked ride: the rider's answer, the record the ride-record service stores, one and the same value. */
record Ride(UUID rideId, Unicorn unicorn, Instant requestTime, PickupLocation pickupLocation) {

    Ride {
        Objects.requireNonNull(rideId, "rideId");
        Objects.requireNonNull(unicorn, "unicorn");
        Objects.requireNonNull(requestTime, "requestTime");
        Objects.requireNonNull(pickupLocation, "pickupLocation");
    }
}
