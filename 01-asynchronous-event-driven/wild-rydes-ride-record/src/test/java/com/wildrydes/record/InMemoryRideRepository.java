package com.wildrydes.record;

import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps rides in a map with the same first-writer-wins rule as the DynamoDB table. */
final class InMemoryRideRepository implements RideRepository {

    final Map<String, Ride> rides = new LinkedHashMap<>();
    private RuntimeException failure;

    InMemoryRideRepository failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    @Override
    public SaveResult save(Ride ride) {
        if (failure != null) {
            throw failure;
        }
        var stored = rides.putIfAbsent(ride.rideId(), ride);
        return stored == null ? new SaveResult.Saved() : new SaveResult.AlreadyStored(stored);
    }
}
