package com.wildrydes.localcloud.testfunctions;

/** A record event, as the managed runtime's Jackson reads it. */
public record Location(double latitude, double longitude) {
}
