package com.wildrydes.record;

import java.time.Instant;

/** One ride: who asked where and when, and which unicorn came. Two rides are the same ride when all of it matches. */
public record Ride(String rideId, Unicorn unicorn, Instant requestTime, PickupLocation pickupLocation) {
}
