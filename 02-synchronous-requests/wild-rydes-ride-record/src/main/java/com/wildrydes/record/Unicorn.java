package com.wildrydes.record;

/** The unicorn that answered a ride, as the fleet described it. */
public record Unicorn(String name, String color, String deviceId) {
}
