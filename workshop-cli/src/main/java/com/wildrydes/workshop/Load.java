package com.wildrydes.workshop;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Books rides at a steady rate against a stage's POST /ride, one virtual thread per ride, and reports what the
 * riders saw: how many got a 201, the errors, the response-time percentiles and the rate achieved. Given the
 * record table, it then waits out a grace period and counts the accepted rides that were never recorded.
 */
public final class Load {

    /** Where the accepted rides should end up; answers which of them are not there (yet). */
    public interface RideStore {
        Set<String> notRecorded(Set<String> rideIds);
    }

    /** What the riders saw in the measured run; the warm-up's outcome is kept apart, as it is not steady state. */
    public record Report(long sent, long created, Map<String, Long> errors, LatencySummary latency,
                         double achievedRate, Optional<Long> lost, Warmup warmup) {

        public String describe() {
            return warmup.describe()
                    + "rides sent: %d, 201s: %d, errors: %s%n".formatted(sent, created, errors.isEmpty() ? "none" : errors)
                    + "latency: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n".formatted(latency.p50().toMillis(),
                    latency.p95().toMillis(), latency.p99().toMillis(), latency.max().toMillis())
                    + "achieved rate: %.1f rides/s%n".formatted(achievedRate)
                    + lost.map(n -> "lost (accepted, not recorded, warm-up included): " + n)
                    .orElse("lost: not checked (no --record-table)");
        }
    }

    /** The warm-up's rides: sent and answered like the others, and checked for loss, but not in the figures. */
    public record Warmup(long sent, long created, Map<String, Long> errors) {

        String describe() {
            return sent == 0 ? "" : "warm-up (not measured): %d rides, 201s: %d, errors: %s%n"
                    .formatted(sent, created, errors.isEmpty() ? "none" : errors);
        }
    }

    /** The outcome of a ride accepted with a 201; every other outcome names an error. */
    private static final String OK = "201";
    private static final String RIDE = "{\"PickupLocation\":{\"Latitude\":47.6097,\"Longitude\":-122.3331}}";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern RIDE_ID = Pattern.compile("\"RideId\"\\s*:\\s*\"([^\"]+)\"");
    /** More rides in flight than this means the stage has stopped keeping up; the pacer waits rather than pile on. */
    private static final int MAX_IN_FLIGHT = 2_000;

    private final LoadSettings settings;
    private final Optional<RideStore> store;
    private final PrintStream out;

    public Load(LoadSettings settings, Optional<RideStore> store, PrintStream out) {
        this.settings = settings;
        this.store = store;
        this.out = out;
    }

    public Report run() throws InterruptedException {
        RideSchedule schedule = settings.schedule();
        int total = schedule.totalRides();
        long[] latencies = new long[total];
        String[] outcomes = new String[total];
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        if (schedule.warmupRides() > 0) {
            out.printf("load: warm-up, ramping up to %d rides/s over %d s (%d rides, not measured)%n",
                    settings.ridesPerSecond(), settings.warmup().toSeconds(), schedule.warmupRides());
        }

        long start;
        long end;
        try (ExecutorService riders = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                if (i == schedule.warmupRides()) {
                    out.printf("load: %d rides/s for %d s (%d rides) to %s%n", settings.ridesPerSecond(),
                            settings.duration().toSeconds(), schedule.measuredRides(), settings.rideUrl());
                }
                long due = start + schedule.dueNanos()[i];
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.acquire();
                int index = i;
                riders.execute(() -> {
                    try {
                        long sentAt = System.nanoTime();
                        outcomes[index] = send(http, accepted);
                        latencies[index] = System.nanoTime() - sentAt;
                    } finally {
                        inFlight.release();
                    }
                });
            }
            riders.shutdown();
            if (!riders.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
                out.println("load: some rides had no answer after the request timeout");
            }
            end = System.nanoTime();
        }

        int firstMeasured = schedule.warmupRides();
        // Over the measured run's own length at least: rides that all answer early have not raised the rate.
        double seconds = Math.max(settings.duration().toSeconds(),
                (end - start - (firstMeasured < total ? schedule.dueNanos()[firstMeasured] : 0)) / 1e9);
        Optional<Long> lost = store.map(s -> countLost(s, accepted));
        // A ride with no answer at all has no response time; it is counted among the errors instead.
        long[] answered = Arrays.stream(latencies, firstMeasured, total).filter(n -> n > 0).toArray();
        Map<String, Long> errors = tally(outcomes, firstMeasured, total);
        Map<String, Long> warmupErrors = tally(outcomes, 0, firstMeasured);
        long warmupCreated = firstMeasured - warmupErrors.values().stream().mapToLong(Long::longValue).sum();
        long created = (total - firstMeasured) - errors.values().stream().mapToLong(Long::longValue).sum();
        return new Report(total - firstMeasured, created, errors, LatencySummary.of(answered),
                answered.length / seconds, lost, new Warmup(firstMeasured, warmupCreated, warmupErrors));
    }

    /** Counts the outcomes other than a 201 among rides [from, to); a ride never answered counts as "no answer". */
    private static Map<String, Long> tally(String[] outcomes, int from, int to) {
        Map<String, Long> errors = new TreeMap<>();
        for (int i = from; i < to; i++) {
            String outcome = outcomes[i];
            if (!OK.equals(outcome)) {
                errors.merge(outcome == null ? "no answer" : outcome, 1L, Long::sum);
            }
        }
        return errors;
    }

    /** Sends one ride; {@link #OK} when it was accepted with a 201, else what went wrong, for the error tally. */
    private String send(HttpClient http, Set<String> accepted) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(settings.rideUrl())
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(RIDE))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                return "HTTP " + response.statusCode();
            }
            Matcher id = RIDE_ID.matcher(response.body());
            if (!id.find()) {
                return "201 without a RideId";
            }
            accepted.add(id.group(1));
            return OK;
        } catch (java.net.http.HttpTimeoutException e) {
            return "timeout";
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Polls the store until every accepted ride is recorded or the grace period is over. */
    private long countLost(RideStore rides, Set<String> accepted) {
        long deadline = System.nanoTime() + settings.grace().toNanos();
        Set<String> missing = rides.notRecorded(accepted);
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            out.printf("load: %d accepted rides not recorded yet, waiting ...%n", missing.size());
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            missing = rides.notRecorded(missing);
        }
        return missing.size();
    }
}
