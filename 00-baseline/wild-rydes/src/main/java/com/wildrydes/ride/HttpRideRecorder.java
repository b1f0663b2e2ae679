package com.wildrydes.ride;

import java.net.URI;
import java.util.Objects;

/** The ride-record service reached through its public API: the ride JSON POSTed to the RideRecord URL. */
final class HttpRideRecorder implements RideRecorder {

    private static final String SERVICE = "The ride record service";

    private final JsonHttp http;
    private final URI rideRecordUrl;

    HttpRideRecorder(JsonHttp http, URI rideRecordUrl) {
        this.http = Objects.requireNonNull(http, "http");
        this.rideRecordUrl = Objects.requireNonNull(rideRecordUrl, "rideRecordUrl");
    }

    @Override
    public void record(Ride ride) {
        // Any 2xx means stored; what the service says about it is not needed here.
        http.post(rideRecordUrl, JsonCodec.toJson(ride), SERVICE);
    }
}
