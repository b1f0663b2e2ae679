package com.wildrydes.ride;

import java.net.URI;
import java.util.Objects;

/** The fleet reached through its public API: GET on the RequestUnicorn URL answers one Unicorn. */
final class HttpUnicornFleet implements UnicornFleet {

    private static final String SERVICE = "The unicorn fleet";

    private final JsonHttp http;
    private final URI requestUnicornUrl;

    HttpUnicornFleet(JsonHttp http, URI requestUnicornUrl) {
        this.http = Objects.requireNonNull(http, "http");
        this.requestUnicornUrl = Objects.requireNonNull(requestUnicornUrl, "requestUnicornUrl");
    }

    @Override
    public Unicorn requestUnicorn() {
        String body = http.get(requestUnicornUrl, SERVICE);
        try {
            return JsonCodec.toUnicorn(body);
        } catch (IllegalArgumentException e) {
            throw new DownstreamException(DownstreamFailure.BAD_RESPONSE,
                    SERVICE + " answered with something that is not a Unicorn: " + e.getMessage(), e);
        }
    }
}
