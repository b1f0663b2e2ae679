package com.wildrydes.localcloud.trace;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentTracesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T09:41:07.000Z");

    private static Span span(String trace, String name, long startMs, double durationMs) {
        return new Span(trace, name, "Lambda", T0.plusMillis(startMs), durationMs, false, 0, "success", false, "");
    }

    @Test
    void aTraceHoldsItsSpansInTheOrderTheyBeganNotTheOrderTheyEnded() {
        RecentTraces traces = new RecentTraces();
        // As services report them: the innermost hop ends, and is recorded, first.
        traces.record(span("t1", "PutItem", 30, 5));
        traces.record(span("t1", "RequestRide", 10, 40));
        traces.record(span("t1", "POST /ride", 0, 55));
        traces.record(span("t2", "other", 0, 1));

        Trace trace = traces.trace("t1").orElseThrow();

        assertThat(trace.spans()).extracting(Span::name).containsExactly("POST /ride", "RequestRide", "PutItem");
        assertThat(trace.entry().name()).isEqualTo("POST /ride");
        assertThat(trace.start()).isEqualTo(T0);
        assertThat(trace.durationMs()).isEqualTo(55.0);
        assertThat(trace.droppedSpans()).isZero();
        assertThat(traces.trace("unknown")).isEmpty();
    }

    @Test
    void onlyTheNewestTracesAreKept() {
        RecentTraces traces = new RecentTraces(2, 10);
        traces.record(span("t1", "a", 0, 1));
        traces.record(span("t2", "b", 10, 1));
        traces.record(span("t3", "c", 20, 1));

        assertThat(traces.trace("t1")).isEmpty();
        assertThat(traces.latest(10)).extracting(Trace::traceId).containsExactly("t3", "t2");
        assertThat(traces.latest(1)).extracting(Trace::traceId).containsExactly("t3");
    }

    @Test
    void aTraceStopsGrowingAtItsLimitAndCountsWhatItDropped() {
        RecentTraces traces = new RecentTraces(5, 3);
        for (int i = 0; i < 5; i++) {
            traces.record(span("t1", "hop" + i, i, 1));
        }

        Trace trace = traces.trace("t1").orElseThrow();
        assertThat(trace.spans()).extracting(Span::name).containsExactly("hop0", "hop1", "hop2");
        assertThat(trace.droppedSpans()).isEqualTo(2);
    }

    @Test
    void limitsMustKeepSomething() {
        assertThatThrownBy(() -> new RecentTraces(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentTraces(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spansTimedOnTheMonotonicClockLineUp() {
        long start = System.nanoTime();
        Span outer = Span.timed("t", "API Gateway", "POST /ride", start, start + 50_000_000);
        Span inner = Span.timed("t", "Lambda", "RequestRide", start + 10_000_000, start + 40_000_000)
                .withCold(true, 12.5).withStatus("success", false).withDetail("RequestId r1");

        assertThat(outer.durationMs()).isEqualTo(50.0);
        assertThat(inner.start()).isAfter(outer.start());
        assertThat(inner.end()).isBefore(outer.end());
        assertThat(inner.coldStart()).isTrue();
        assertThat(inner.initDurationMs()).isEqualTo(12.5);
        assertThat(inner.withCold(false, 12.5).initDurationMs()).isZero();
        assertThat(List.of(inner.status(), inner.detail())).containsExactly("success", "RequestId r1");
    }
}
