package com.wildrydes.workshop.compare;

import com.wildrydes.localcloud.LocalCloud;
import com.wildrydes.localcloud.apigateway.RequestTiming;
import com.wildrydes.localcloud.lambda.FunctionStats;
import com.wildrydes.localcloud.lambda.InvocationRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the Lambda invocations and API Gateway requests that happen between {@link #open} and
 * {@link #close}. local-cloud keeps only the latest few hundred of each, so the window reads them
 * a few times a second and keeps every one it has not seen; the services' own invocation counters
 * give the exact totals even if a read came too late for some records.
 */
final class MeasurementWindow implements AutoCloseable {

    private static final Duration POLL_EVERY = Duration.ofMillis(250);

    private final LocalCloud cloud;
    private final Set<String> seen = new HashSet<>();
    private final Map<String, List<InvocationRecord>> invocations = new LinkedHashMap<>();
    private final List<RequestTiming> requests = new ArrayList<>();
    private final Map<String, Long> startCounts = new HashMap<>();
    private final Thread poller;
    private volatile boolean open = true;
    private Totals totals;

    /** What the window saw. {@code invocationCounts} are exact; {@code invocations} may miss a few records under heavy load. */
    record Totals(Map<String, List<InvocationRecord>> invocations, Map<String, Long> invocationCounts,
                  List<RequestTiming> requests) {
    }

    private MeasurementWindow(LocalCloud cloud) {
        this.cloud = cloud;
        for (FunctionStats stats : cloud.lambda().stats()) {
            startCounts.put(stats.functionName(), stats.coldStarts() + stats.warmStarts());
            stats.recent().forEach(r -> seen.add(r.requestId()));
        }
        cloud.apiGateway().timings().forEach(t -> seen.add(t.requestId()));
        this.poller = Thread.ofVirtual().name("compare-window").start(this::pollUntilClosed);
    }

    static MeasurementWindow open(LocalCloud cloud) {
        return new MeasurementWindow(cloud);
    }

    private void pollUntilClosed() {
        while (open) {
            poll();
            try {
                Thread.sleep(POLL_EVERY);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void poll() {
        for (FunctionStats stats : cloud.lambda().stats()) {
            for (InvocationRecord record : stats.recent()) {
                if (seen.add(record.requestId())) {
                    invocations.computeIfAbsent(record.functionName(), f -> new ArrayList<>()).add(record);
                }
            }
        }
        for (RequestTiming timing : cloud.apiGateway().timings()) {
            if (seen.add(timing.requestId())) {
                requests.add(timing);
            }
        }
    }

    /** Stops reading and returns what was seen; later calls return the same. */
    synchronized Totals totals() {
        close();
        return totals;
    }

    @Override
    public synchronized void close() {
        if (totals != null) {
            return;
        }
        open = false;
        poller.interrupt();
        poll();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (FunctionStats stats : cloud.lambda().stats()) {
            long since = stats.coldStarts() + stats.warmStarts() - startCounts.getOrDefault(stats.functionName(), 0L);
            if (since > 0) {
                counts.put(stats.functionName(), since);
            }
        }
        totals = new Totals(Map.copyOf(invocations), Map.copyOf(counts), List.copyOf(requests));
    }
}
