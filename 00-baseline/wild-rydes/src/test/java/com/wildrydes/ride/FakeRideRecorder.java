package com.wildrydes.ride;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every ride it is given, or fails the way it is told to (after seeing the ride). */
final class FakeRideRecorder implements RideRecorder {

    private final List<Ride> attempts = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    /** Every ride {@link #record} was called with, stored or not. */
    List<Ride> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public void record(Ride ride) {
        attempts.add(ride);
        if (failure != null) {
            throw failure;
        }
    }
}
