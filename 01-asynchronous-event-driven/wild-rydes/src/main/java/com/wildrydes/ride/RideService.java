package com.wildrydes.ride;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Books a ride: a unicorn from the fleet, then the ride handed over for recording, then an answer for the rider.
 * The recorder only has to accept the ride, so the rider does not wait for it to be stored.
 */
final class RideService {

    private final UnicornFleet fleet;
    private final RideRecorder recorder;
    private final Clock clock;

    RideService(UnicornFleet fleet, RideRecorder recorder, Clock clock) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws DownstreamException if the fleet fails or the ride cannot be handed over; nothing is handed over when
     *                             the fleet fails
     */
    Ride requestRide(PickupLocation pickupLocation, CorrelationId correlationId) {
        Unicorn unicorn = fleet.requestUnicorn();
        // Milliseconds are what the contract's RequestTime shows; truncating here keeps the value the rider
        // receives equal to the one that is stored.
        Ride ride = new Ride(UUID.randomUUID(), unicorn, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                pickupLocation);
        try {
            recorder.record(ride, correlationId);
        } catch (DownstreamException e) {
            throw e.forRide(ride.rideId());
        }
        return ride;
    }
}
