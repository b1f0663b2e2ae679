package com.wildrydes.record;

import java.time.Instant;

/** The ride the fixtures carry, and variations of it. */
final class Rides {

    static final String RIDE_ID = "3f1c2b7e-9a4d-4e8b-b2c6-5d7e8f9a0b1c";
    static final Ride SHADOWFAX_RIDE = new Ride(RIDE_ID,
            new Unicorn("Shadowfax", "White", "f15adbd8-793d-4698-b68d-bd02e8bf2596"),
            Instant.parse("2026-11-27T09:41:07.123Z"),
            new PickupLocation(47.60621, -122.33207));

    static final String SHADOWFAX_RIDE_JSON = """
            {"RideId": "3f1c2b7e-9a4d-4e8b-b2c6-5d7e8f9a0b1c",
             "Unicorn": {"Name": "Shadowfax", "Color": "White", "DeviceId": "f15adbd8-793d-4698-b68d-bd02e8bf2596"},
             "RequestTime": "2026-11-27T09:41:07.123Z",
             "PickupLocation": {"Latitude": 47.60621, "Longitude": -122.33207}}""";

    private Rides() {
    }

    /** The same RideId, but another unicorn came: a different ride. */
    static Ride withUnicorn(Ride ride, String name) {
        return new Ride(ride.rideId(), new Unicorn(name, ride.unicorn().color(), ride.unicorn().deviceId()),
                ride.requestTime(), ride.pickupLocation());
    }
}
