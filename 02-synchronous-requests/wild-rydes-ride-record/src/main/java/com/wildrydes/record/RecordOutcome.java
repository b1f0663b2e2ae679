package com.wildrydes.record;

/** The answer to "record this ride". */
public sealed interface RecordOutcome {

    /** First time this ride was seen; it is now stored. */
    record Recorded() implements RecordOutcome {
    }

    /** The very same ride was already stored: a retry, which leaves the one stored copy as it was. */
    record AlreadyRecorded() implements RecordOutcome {
    }

    /** A different ride is stored under this RideId; nothing was changed. */
    record Conflict(Ride stored) implements RecordOutcome {
    }
}
