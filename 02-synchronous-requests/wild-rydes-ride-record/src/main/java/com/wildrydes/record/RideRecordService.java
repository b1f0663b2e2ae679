package com.wildrydes.record;

/**
 * Records rides exactly once. Delivery may repeat (a client retrying a timed-out POST, or later a redelivered
 * message), so a repeat of the same ride is success; only a different ride reusing a RideId is refused.
 */
public final class RideRecordService {

    private final RideRepository repository;

    public RideRecordService(RideRepository repository) {
        this.repository = repository;
    }

    public RecordOutcome record(Ride ride) {
        return switch (repository.save(ride)) {
            case SaveResult.Saved saved -> new RecordOutcome.Recorded();
            case SaveResult.AlreadyStored(Ride stored) when stored.equals(ride) -> new RecordOutcome.AlreadyRecorded();
            case SaveResult.AlreadyStored(Ride stored) -> new RecordOutcome.Conflict(stored);
        };
    }
}
