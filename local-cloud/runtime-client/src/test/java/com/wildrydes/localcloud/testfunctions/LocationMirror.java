package com.wildrydes.localcloud.testfunctions;

/** Returns the location mirrored through the origin. */
public class LocationMirror extends TypedHandler<Location> {

    @Override
    protected Location respond(Location input) {
        return new Location(-input.latitude(), -input.longitude());
    }
}
