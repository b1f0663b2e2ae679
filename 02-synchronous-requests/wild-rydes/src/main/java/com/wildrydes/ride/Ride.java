package com.wildrydes.ride;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A booked ride: the rider's answer, the event on the rides topic and the stored record, all the same value. */
record Ride(UUID rideId, Unicorn unicorn, Instant requestTime, PickupLocation pickupLocation) {

    Ride {
        Objects.requireNonNull(rideId, "rideId");
        Objects.requireNonNull(unicorn, "unicorn");
        Objects.requireNonNull(requestTime, "requestTime");
        Objects.requireNonNull(pickupLocation, "pickupLocation");
    }
}
