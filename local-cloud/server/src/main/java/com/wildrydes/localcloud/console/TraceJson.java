package com.wildrydes.localcloud.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.trace.Span;
import com.wildrydes.localcloud.trace.Trace;

import java.time.Duration;
import java.util.List;

/**
 * Traces as the console and the rider page read them. Each hop carries its offset from the start
 * of the trace, so a timeline is drawn without date arithmetic in the browser.
 */
final class TraceJson {

    private TraceJson() {
    }

    static ObjectNode trace(Trace trace) {
        ObjectNode json = Json.object();
        json.put("traceId", trace.traceId());
        json.put("start", trace.start().toString());
        json.put("durationMs", round(trace.durationMs()));
        json.put("droppedSpans", trace.droppedSpans());
        ArrayNode spans = json.putArray("spans");
        for (Span span : trace.spans()) {
            ObjectNode s = spans.addObject();
            s.put("service", span.service());
            s.put("name", span.name());
            s.put("detail", span.detail());
            s.put("start", span.start().toString());
            s.put("offsetMs", round(Duration.between(trace.start(), span.start()).toNanos() / 1_000_000.0));
            s.put("durationMs", round(span.durationMs()));
            s.put("coldStart", span.coldStart());
            s.put("initDurationMs", round(span.initDurationMs()));
            s.put("status", span.status());
            s.put("failed", span.failed());
        }
        return json;
    }

    /** One line per trace: what a list of recent requests shows. */
    static ObjectNode list(List<Trace> traces) {
        ObjectNode json = Json.object();
        ArrayNode items = json.putArray("traces");
        for (Trace trace : traces) {
            Span entry = trace.entry();
            ObjectNode t = items.addObject();
            t.put("traceId", trace.traceId());
            t.put("start", trace.start().toString());
            t.put("durationMs", round(trace.durationMs()));
            t.put("hops", trace.spans().size());
            t.put("coldStarts", trace.spans().stream().filter(Span::coldStart).count());
            t.put("failed", trace.spans().stream().anyMatch(Span::failed));
            t.putObject("entry")
                    .put("service", entry.service())
                    .put("name", entry.name())
                    .put("detail", entry.detail())
                    .put("status", entry.status());
        }
        return json;
    }

    /** Microseconds are more than a timeline can show. */
    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
