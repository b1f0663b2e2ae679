package com.wildrydes.localcloud.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Every recorded hop of one request, in the order they began.
 *
 * @param droppedSpans hops not kept because the trace reached its size limit
 */
public record Trace(String traceId, List<Span> spans, int droppedSpans) {

    public Trace {
        spans = spans.stream().sorted(Comparator.comparing(Span::start)).toList();
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("a trace has at least one span");
        }
    }

    public Instant start() {
        return spans.getFirst().start();
    }

    public Instant end() {
        return spans.stream().map(Span::end).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** From the first hop's start to the last hop's end. */
    public double durationMs() {
        return Duration.between(start(), end()).toNanos() / 1_000_000.0;
    }

    /** The hop that began first: for a rider's request, the API request. */
    public Span entry() {
        return spans.getFirst();
    }
}
