package com.wildrydes.ride;

/**
 * Where the rider waits. The ranges are enforced here so that no code path can build a ride for a place
 * that does not exist, whichever adapter the coordinates came from.
 */
record PickupLocation(double latitude, double longitude) {

    PickupLocation {
        // Written as negated range checks so that NaN, which fails every comparison, is refused as well.
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException(
                    "PickupLocation.Latitude must be between -90 and 90, got " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException(
                    "PickupLocation.Longitude must be between -180 and 180, got " + longitude);
        }
    }
}
