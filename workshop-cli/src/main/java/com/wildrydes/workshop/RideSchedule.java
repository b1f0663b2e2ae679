package com.wildrydes.workshop;

import java.time.Duration;
import java.util.Arrays;

/**
 * When each ride of a load run is due, in nanoseconds from the start: first a warm-up that ramps up second by
 * second to the full rate, then the measured run at the full rate. The warm-up exists because a stage's first
 * seconds are not its steady state: every function instance the rate needs must start (a cold JVM) and its code
 * must be compiled before the figures mean anything, as on AWS after a deploy.
 */
public record RideSchedule(long[] dueNanos, int warmupRides) {

    private static final long SECOND = 1_000_000_000L;

    public static RideSchedule of(int ridesPerSecond, Duration duration, Duration warmup) {
        long warmupSeconds = warmup.toSeconds();
        long measured = ridesPerSecond * duration.toSeconds();
        long[] perWarmupSecond = new long[(int) warmupSeconds];
        for (int second = 0; second < warmupSeconds; second++) {
            // Reaches the full rate in the last second of the warm-up.
            perWarmupSecond[second] = Math.max(1, ridesPerSecond * (second + 1) / warmupSeconds);
        }
        int warmupRides = (int) Arrays.stream(perWarmupSecond).sum();
        long[] due = new long[(int) (warmupRides + measured)];
        int next = 0;
        for (int second = 0; second < warmupSeconds; second++) {
            next = spread(due, next, perWarmupSecond[second], second * SECOND, SECOND);
        }
        spread(due, next, measured, warmupSeconds * SECOND, duration.toSeconds() * SECOND);
        return new RideSchedule(due, warmupRides);
    }

    /** Puts {@code count} rides evenly over {@code length} from {@code from}; returns the next free index. */
    private static int spread(long[] due, int next, long count, long from, long length) {
        for (long i = 0; i < count; i++) {
            due[next++] = from + i * length / count;
        }
        return next;
    }

    public int totalRides() {
        return dueNanos.length;
    }

    public int measuredRides() {
        return dueNanos.length - warmupRides;
    }

    public boolean isWarmup(int index) {
        return index < warmupRides;
    }
}
