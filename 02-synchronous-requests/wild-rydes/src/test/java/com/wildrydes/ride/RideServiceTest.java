package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RideServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:41:07.123987Z");
    private static final PickupLocation PICKUP = new PickupLocation(47.6174755835663, -122.28837066650185);
    private static final CorrelationId CORRELATION_ID = new CorrelationId("c6af9ac6-7b61-4e1f-9a41-93e8d1b2c3f4");

    private final FakeUnicornFleet fleet = new FakeUnicornFleet();
    private final FakeRideRecorder recorder = new FakeRideRecorder();
    private final RideService service = new RideService(fleet, recorder, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void booksARideWithTheFleetsUnicornAndHandsOverExactlyThatRide() {
        Ride ride = service.requestRide(PICKUP, CORRELATION_ID);

        assertThat(ride.unicorn()).isEqualTo(FakeUnicornFleet.SHADOWFAX);
        assertThat(ride.pickupLocation()).isEqualTo(PICKUP);
        assertThat(ride.requestTime()).isEqualTo(Instant.parse("2026-11-27T09:41:07.123Z"));
        assertThat(ride.rideId().version()).isEqualTo(4);
        assertThat(recorder.attempts()).containsExactly(ride);
        assertThat(recorder.correlationIds()).containsExactly(CORRELATION_ID);
    }

    @Test
    void givesEveryRideItsOwnId() {
        Ride first = service.requestRide(PICKUP, CORRELATION_ID);
        Ride second = service.requestRide(PICKUP, CORRELATION_ID);

        assertThat(first.rideId()).isNotEqualTo(second.rideId());
    }

    @Test
    void recordsNothingWhenTheFleetFails() {
        DownstreamException fleetDown = new DownstreamException(DownstreamFailure.UNAVAILABLE, "no unicorns");
        fleet.failWith(fleetDown);

        DownstreamException thrown = catchThrowableOfType(DownstreamException.class,
                () -> service.requestRide(PICKUP, CORRELATION_ID));

        assertThat(thrown).isSameAs(fleetDown);
        assertThat(thrown.rideId()).isEmpty();
        assertThat(recorder.attempts()).isEmpty();
    }

    @Test
    void tagsAHandOverFailureWithTheRideItConcerns() {
        recorder.failWith(new DownstreamException(DownstreamFailure.TIMEOUT, "The rides topic is slow"));

        DownstreamException thrown = catchThrowableOfType(DownstreamException.class,
                () -> service.requestRide(PICKUP, CORRELATION_ID));

        assertThat(thrown.failure()).isEqualTo(DownstreamFailure.TIMEOUT);
        assertThat(thrown.getMessage()).isEqualTo("The rides topic is slow");
        assertThat(thrown.rideId()).contains(recorder.attempts().getFirst().rideId());
    }
}
