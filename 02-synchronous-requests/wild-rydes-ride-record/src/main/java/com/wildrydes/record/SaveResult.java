package com.wildrydes.record;

/** What storing a ride found: the RideId was new, or a ride is already stored under it. */
public sealed interface SaveResult {

    /** The ride is now stored. */
    record Saved() implements SaveResult {
    }

    /** Nothing was written: {@code stored} already holds the RideId, and may or may not be the same ride. */
    record AlreadyStored(Ride stored) implements SaveResult {
    }
}
