package com.wildrydes.record;

/** Where rides are kept, one per RideId. */
public interface RideRepository {

    /** Stores the ride unless its RideId is already taken, in which case it returns what is stored. */
    SaveResult save(Ride ride);
}
