package com.wildrydes.systemtests.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The events the benchmarks send, from {@code bench/events/}: real API Gateway and SNS event
 * fixtures whose ride id is fresh on every load, so repeated rides are new rides, not duplicates.
 */
final class BenchEvents {

    static final String POST_RIDE = "apigw_post_ride.json";
    static final String GET_UNICORN = "apigw_get_unicorn.json";
    static final String POST_RECORD = "apigw_post_record.json";
    static final String RIDE_REQUESTED = "sns_ride_requested.json";
    static final String GET_HELLO = "apigw_get_hello.json";
    /** What RequestRide sends the fleet function in stage 02: the invoke asks for any unicorn. */
    static final String INVOKE_UNICORN = "invoke_request_unicorn.json";

    private static final String RIDE_ID = "{{RIDE_ID}}";

    private BenchEvents() {
    }

    static byte[] load(String name) {
        try (InputStream in = BenchEvents.class.getResourceAsStream("/bench/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no event fixture bench/events/" + name + " on the class path");
            }
            String event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return event.replace(RIDE_ID, UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
