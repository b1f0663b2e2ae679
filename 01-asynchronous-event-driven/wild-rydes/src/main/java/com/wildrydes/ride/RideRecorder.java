package com.wildrydes.ride;

/** Port: where booked rides go to be recorded. */
interface RideRecorder {

    /**
     * Hands the ride over for recording; returns once it is durably accepted, which need not mean stored yet.
     *
     * @param correlationId ties the recording to the request that booked the ride
     * @throws DownstreamException if the ride could not be handed over; its failure kind says why
     */
    void record(Ride ride, CorrelationId correlationId);
}
