package com.wildrydes.record;

import static com.wildrydes.record.Rides.SHADOWFAX_RIDE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RideRecordServiceTest {

    private final InMemoryRideRepository repository = new InMemoryRideRepository();
    private final RideRecordService service = new RideRecordService(repository);

    @Test
    void aNewRideIsRecorded() {
        assertThat(service.record(SHADOWFAX_RIDE)).isInstanceOf(RecordOutcome.Recorded.class);
        assertThat(repository.rides).containsExactlyEntriesOf(Map.of(SHADOWFAX_RIDE.rideId(), SHADOWFAX_RIDE));
    }

    @Test
    void theSameRideAgainIsSuccessAndLeavesOneRecord() {
        service.record(SHADOWFAX_RIDE);

        assertThat(service.record(SHADOWFAX_RIDE)).isInstanceOf(RecordOutcome.AlreadyRecorded.class);
        assertThat(repository.rides).hasSize(1);
    }

    @Test
    void samenessIsAboutTheRideNotItsSpelling() {
        var atTheSecond = new Ride(SHADOWFAX_RIDE.rideId(), SHADOWFAX_RIDE.unicorn(),
                Instant.parse("2026-11-27T09:41:07Z"), new PickupLocation(-0.0, 0.0));
        var sameInstantOtherSpelling = new Ride(SHADOWFAX_RIDE.rideId(), SHADOWFAX_RIDE.unicorn(),
                Instant.parse("2026-11-27T09:41:07.000Z"), new PickupLocation(0.0, -0.0));
        service.record(atTheSecond);

        assertThat(service.record(sameInstantOtherSpelling)).isInstanceOf(RecordOutcome.AlreadyRecorded.class);
    }

    @Test
    void anotherRideUnderATakenRideIdIsAConflictAndChangesNothing() {
        service.record(SHADOWFAX_RIDE);

        var outcome = service.record(Rides.withUnicorn(SHADOWFAX_RIDE, "Bucephalus"));

        assertThat(outcome).isEqualTo(new RecordOutcome.Conflict(SHADOWFAX_RIDE));
        assertThat(repository.rides.get(SHADOWFAX_RIDE.rideId())).isEqualTo(SHADOWFAX_RIDE);
    }
}
