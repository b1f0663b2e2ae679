package com.wildrydes.ride;

/** Port: where booked rides are kept. */
interface RideRecorder {

    /**
     * Stores the ride; returns only once it is durably accepted.
     *
     * @throws DownstreamException if the ride could not be stored; its failure kind says why
     */
    void record(Ride ride);
}
