package com.wildrydes.ride;

import java.util.Objects;

/** A unicorn as the fleet describes it; this service only carries it into the ride. */
record Unicorn(String name, String color, String deviceId) {

    Unicorn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(deviceId, "deviceId");
    }
}
