package com.wildrydes.fleet;

import com.google.gson.annotations.SerializedName;

/** One unicorn of the fleet. JSON uses the contract's capitalised names, as does the DynamoDB item. */
public record Unicorn(
        @SerializedName("Name") String name,
        @SerializedName("Color") String color,
        @SerializedName("DeviceId") String deviceId) {

    public Unicorn {
        requireText(name, "Name");
        requireText(color, "Color");
        requireText(deviceId, "DeviceId");
    }

    private static void requireText(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A unicorn needs a non-empty " + attribute);
        }
    }
}
