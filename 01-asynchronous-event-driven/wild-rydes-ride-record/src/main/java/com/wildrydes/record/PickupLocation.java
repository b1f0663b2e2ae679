package com.wildrydes.record;

/** Where the rider waits, in degrees. */
public record PickupLocation(double latitude, double longitude) {

    public PickupLocation {
        // -0.0 and 0.0 are the same place, but records compare doubles bit by bit: a repeat of a ride sent with
        // -0.0 must still equal the stored copy, which DynamoDB keeps as 0.
        latitude += 0.0;
        longitude += 0.0;
    }
}
