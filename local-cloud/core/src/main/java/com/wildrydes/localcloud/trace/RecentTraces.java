package com.wildrydes.localcloud.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latest traces in memory, bounded twice: at most {@code maxTraces} traces (the oldest is
 * forgotten first) and at most {@code maxSpansPerTrace} hops each, so a long-running local-cloud,
 * or a loop that reuses one trace header, cannot grow without limit.
 */
public final class RecentTraces implements TraceRecorder {

    public static final int DEFAULT_MAX_TRACES = 200;
    public static final int DEFAULT_MAX_SPANS_PER_TRACE = 200;

    private final int maxTraces;
    private final int maxSpansPerTrace;
    private final Map<String, Kept> traces;

    private static final class Kept {
        final List<Span> spans = new ArrayList<>();
        int dropped;
    }

    public RecentTraces() {
        this(DEFAULT_MAX_TRACES, DEFAULT_MAX_SPANS_PER_TRACE);
    }

    public RecentTraces(int maxTraces, int maxSpansPerTrace) {
        if (maxTraces < 1 || maxSpansPerTrace < 1) {
            throw new IllegalArgumentException("keep at least one trace of one span, not " + maxTraces + " of " + maxSpansPerTrace);
        }
        this.maxTraces = maxTraces;
        this.maxSpansPerTrace = maxSpansPerTrace;
        this.traces = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > RecentTraces.this.maxTraces;
            }
        };
    }

    @Override
    public synchronized void record(Span span) {
        Kept entry = traces.computeIfAbsent(span.traceId(), id -> new Kept());
        if (entry.spans.size() < maxSpansPerTrace) {
            entry.spans.add(span);
        } else {
            entry.dropped++;
        }
    }

    public synchronized Optional<Trace> trace(String traceId) {
        Kept entry = traces.get(traceId);
        return entry == null ? Optional.empty() : Optional.of(new Trace(traceId, List.copyOf(entry.spans), entry.dropped));
    }

    /** Up to {@code limit} traces, the one that began last first. */
    public List<Trace> latest(int limit) {
        List<Trace> all;
        synchronized (this) {
            all = new ArrayList<>(traces.size());
            traces.forEach((id, entry) -> all.add(new Trace(id, List.copyOf(entry.spans), entry.dropped)));
        }
        return all.stream()
                .sorted(Comparator.comparing(Trace::start).reversed())
                .limit(Math.max(0, limit))
                .toList();
    }
}
