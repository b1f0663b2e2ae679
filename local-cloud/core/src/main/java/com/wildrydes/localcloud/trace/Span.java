package com.wildrydes.localcloud.trace;

import java.time.Instant;
import java.util.Objects;

/**
 * One hop of a request's path: an API request, a function invocation, an AWS call, an SNS delivery.
 *
 * @param traceId        the trace's root id, {@code 1-<8 hex>-<24 hex>}, shared by every hop of one request
 * @param name           what happened, e.g. {@code POST /ride}, a function's name, {@code GetItem}
 * @param service        who did it, e.g. {@code API Gateway}, {@code Lambda}, {@code DynamoDB}
 * @param start          when the hop began
 * @param durationMs     how long it took, as its caller waited for it
 * @param coldStart      a function invocation that had to start a new execution environment
 * @param initDurationMs the part of a cold start spent starting the JVM and the handler; 0 when warm
 * @param status         how it ended in the service's own words: an HTTP status, {@code success}, {@code timeout}
 * @param failed         the hop did not do what was asked
 * @param detail         what a reader needs to tell this hop from similar ones (a table, a caller, a request id)
 */
public record Span(String traceId, String name, String service, Instant start, double durationMs,
                   boolean coldStart, double initDurationMs, String status, boolean failed, String detail) {

    public Span {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(start, "start");
        status = status == null ? "" : status;
        detail = detail == null ? "" : detail;
    }

    /** A hop timed with {@link System#nanoTime()}, as every recording site measures. */
    public static Span timed(String traceId, String service, String name, long startNanos, long endNanos) {
        return new Span(traceId, name, service, SpanClock.instantAt(startNanos), SpanClock.millisBetween(startNanos, endNanos),
                false, 0, "", false, "");
    }

    public Span withCold(boolean cold, double initMs) {
        return new Span(traceId, name, service, start, durationMs, cold, cold ? initMs : 0, status, failed, detail);
    }

    public Span withStatus(String newStatus, boolean hasFailed) {
        return new Span(traceId, name, service, start, durationMs, coldStart, initDurationMs, newStatus, hasFailed, detail);
    }

    public Span withDetail(String newDetail) {
        return new Span(traceId, name, service, start, durationMs, coldStart, initDurationMs, status, failed, newDetail);
    }

    public Instant end() {
        return start.plusNanos(Math.round(durationMs * 1_000_000));
    }
}
