package com.wildrydes.ride;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every ride it is given, with its correlation id, or fails the way it is told to (after seeing the ride). */
final class FakeRideRecorder implements RideRecorder {

    record Attempt(Ride ride, CorrelationId correlationId) {
    }

    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    /** Every ride {@link #record} was called with, handed over or not. */
    List<Ride> attempts() {
        return attempts.stream().map(Attempt::ride).toList();
    }

    /** The correlation id of every call, in order. */
    List<CorrelationId> correlationIds() {
        return attempts.stream().map(Attempt::correlationId).toList();
    }

    @Override
    public void record(Ride ride, CorrelationId correlationId) {
        attempts.add(new Attempt(ride, correlationId));
        if (failure != null) {
            throw failure;
        }
    }
}
