package com.wildrydes.workshop;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code load} is asked to do, checked before a single ride is sent: a bounded rate and duration,
 * and a ride URL on this machine only, so the command can never be pointed at someone else's service.
 */
public record LoadSettings(URI rideUrl, int ridesPerSecond, Duration duration, Optional<String> recordTable,
                           Duration grace, Duration warmup) {

    public static final int DEFAULT_RATE = 100;
    public static final int MAX_RATE = 500;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
    public static final Duration MAX_DURATION = Duration.ofSeconds(300);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
    public static final Duration MAX_GRACE = Duration.ofSeconds(120);
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(20);
    public static final Duration MAX_WARMUP = Duration.ofSeconds(120);
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    public LoadSettings {
        requireLoopback(rideUrl);
        if (ridesPerSecond < 1 || ridesPerSecond > MAX_RATE) {
            throw new IllegalArgumentException("--rate must be between 1 and " + MAX_RATE + " rides/s, not " + ridesPerSecond);
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration must be between 1 and " + MAX_DURATION.toSeconds()
                    + " seconds, not " + duration.toSeconds());
        }
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new IllegalArgumentException("--grace must be between 0 and " + MAX_GRACE.toSeconds()
                    + " seconds, not " + grace.toSeconds());
        }
        if (warmup.isNegative() || warmup.compareTo(MAX_WARMUP) > 0) {
            throw new IllegalArgumentException("--warmup must be between 0 and " + MAX_WARMUP.toSeconds()
                    + " seconds, not " + warmup.toSeconds());
        }
    }

    /** The same run with no warm-up: the stage is measured from its first ride. */
    public LoadSettings(URI rideUrl, int ridesPerSecond, Duration duration, Optional<String> recordTable, Duration grace) {
        this(rideUrl, ridesPerSecond, duration, recordTable, grace, Duration.ZERO);
    }

    /** Reads {@code --url}, {@code --rate}, {@code --duration}, {@code --record-table}, {@code --grace} and {@code --warmup}. */
    public static LoadSettings from(Map<String, String> options) {
        String url = options.get("--url");
        if (url == null) {
            throw new IllegalArgumentException("load needs --url, the stage's ride URL (http://127.0.0.1:PORT/restapis/ID/Prod/ride)");
        }
        return new LoadSettings(URI.create(url),
                integer(options, "--rate", DEFAULT_RATE),
                Duration.ofSeconds(integer(options, "--duration", (int) DEFAULT_DURATION.toSeconds())),
                Optional.ofNullable(options.get("--record-table")),
                Duration.ofSeconds(integer(options, "--grace", (int) DEFAULT_GRACE.toSeconds())),
                Duration.ofSeconds(integer(options, "--warmup", (int) DEFAULT_WARMUP.toSeconds())));
    }

    /** When each ride is due: the warm-up ramp, then the rate held evenly over the duration. */
    public RideSchedule schedule() {
        return RideSchedule.of(ridesPerSecond, duration, warmup);
    }

    static void requireLoopback(URI url) {
        if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new IllegalArgumentException("--url must be an http URL on this machine, not '" + url + "'");
        }
        String host = url.getHost();
        if (host == null || !LOOPBACK_HOSTS.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("load only sends rides to this machine (127.0.0.1, localhost or ::1), not to '"
                    + host + "'; it is a local-cloud tool and must never load a shared or real service");
        }
    }

    private static int integer(Map<String, String> options, String flag, int defaultValue) {
        String value = options.get(flag);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number, not '" + value + "'");
        }
    }
}
