package com.wildrydes.workshop.compare;

import com.wildrydes.localcloud.trace.TraceHeaders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Books rides the way the rider site does, a fixed number at a fixed concurrency, and times each one. */
final class RideClient {

    static final String RIDE_REQUEST = "{\"PickupLocation\":{\"Latitude\":47.6097,\"Longitude\":-122.3331}}";
    private static final Duration RIDE_TIMEOUT = Duration.ofSeconds(30);

    private final URI rideUrl;
    private final HttpClient http;

    /**
     * One ride's outcome.
     *
     * @param traceRoot the ride's X-Ray trace root, as API Gateway returned it; empty if it did not
     * @param problem   why the ride was not accepted; empty for a 201
     */
    record Ride(int status, double millis, String traceRoot, String problem) {
        boolean accepted() {
            return status == 201;
        }
    }

    RideClient(URI rideUrl) {
        this.rideUrl = rideUrl;
        // HTTP/1.1 with a pool of kept-alive connections, as a browser talks to API Gateway.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    Ride book() {
        HttpRequest request = HttpRequest.newBuilder(rideUrl)
                .timeout(RIDE_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RIDE_REQUEST))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - start) / 1e6;
            String root = TraceHeaders.root(response.headers().firstValue(TraceHeaders.NAME).orElse(null)).orElse("");
            boolean hasRide = response.statusCode() == 201 && response.body().contains("\"RideId\"");
            String problem = hasRide ? "" : "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
            return new Ride(hasRide ? 201 : (response.statusCode() == 201 ? 0 : response.statusCode()), millis, root, problem);
        } catch (IOException e) {
            return new Ride(0, (System.nanoTime() - start) / 1e6, "", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ride(0, (System.nanoTime() - start) / 1e6, "", "interrupted");
        }
    }

    /** Books {@code count} rides, {@code concurrency} at a time; {@code onDone} hears the running total. Rides in booking-completion order. */
    List<Ride> bookAll(int count, int concurrency, IntConsumer onDone) throws InterruptedException {
        List<Ride> rides = Collections.synchronizedList(new ArrayList<>(count));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Thread> riders = new ArrayList<>();
        for (int i = 0; i < Math.min(concurrency, count); i++) {
            riders.add(Thread.ofVirtual().name("rider-" + i).start(() -> {
                while (next.getAndIncrement() < count) {
                    rides.add(book());
                    onDone.accept(done.incrementAndGet());
                }
            }));
        }
        for (Thread rider : riders) {
            rider.join();
        }
        return List.copyOf(rides);
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
