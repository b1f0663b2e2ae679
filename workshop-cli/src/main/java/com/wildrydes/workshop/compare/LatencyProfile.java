package com.wildrydes.workshop.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typical per-hop latencies on AWS, with their sources, and the model that turns a stage's critical
 * path into a <em>modelled</em> AWS-like p50. The model:
 *
 * <pre>
 *   modelled p50 = Σ over the critical path's hops of the hop's modelled latency (this file)
 *                + Σ over the functions on the path of the handler's own work, measured here
 * </pre>
 *
 * <p>A function's own work is its REPORT Duration less the calls it waited for (median over the
 * sampled rides), so the handler's CPU time, JSON and SDK work count as measured on this machine,
 * while each hop between services counts as AWS would add it. An API Gateway hop is modelled as the
 * REST overhead, a function hop as Lambda's warm-invoke overhead, an AWS call by its service and
 * operation (or the generic figure). Cold starts, queueing and the internet between the rider and
 * the API are not modelled. The figure is always printed as modelled, never as a measurement.
 */
public record LatencyProfile(LocalDate asOf, String description, Map<String, HopLatency> hops) {

    public static final String RESOURCE = "aws-latency-us-east-1.json";
    static final String API_GATEWAY = "API Gateway";
    static final String LAMBDA = "Lambda";
    static final String OTHER = "other AWS call";

    public record HopLatency(double ms, String basis, String what, String source, String note) {
    }

    /** A stage's modelled p50 and the hop-by-hop sum behind it. */
    public record Model(double p50Ms, double hopsMs, double handlersMs, List<String> terms) {
    }

    public LatencyProfile {
        hops = Map.copyOf(hops);
        for (String required : List.of(API_GATEWAY, LAMBDA, OTHER)) {
            if (!hops.containsKey(required)) {
                throw new IllegalArgumentException("the latency profile has no '" + required + "' hop");
            }
        }
    }

    public static LatencyProfile load() {
        try (InputStream in = LatencyProfile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static LatencyProfile parse(JsonNode json) {
        if (!json.path("label").asText("").equals("modelled")) {
            throw new IllegalArgumentException("a latency profile must be labelled \"modelled\"");
        }
        Map<String, HopLatency> hops = new LinkedHashMap<>();
        json.path("hops").properties().forEach(entry -> {
            JsonNode h = entry.getValue();
            String source = h.path("source").asText("");
            if (!h.path("ms").isNumber() || !source.startsWith("https://")) {
                throw new IllegalArgumentException("hop '" + entry.getKey() + "' needs ms and an https source");
            }
            hops.put(entry.getKey(), new HopLatency(h.path("ms").asDouble(), h.path("basis").asText(""),
                    h.path("what").asText(""), source, h.path("note").asText("")));
        });
        return new LatencyProfile(LocalDate.parse(json.path("asOf").asText()), json.path("description").asText(""), hops);
    }

    /** The modelled latency of one hop of the path. */
    public double hopMs(StageMeasurement.PathHop hop) {
        return switch (hop.kind()) {
            case API -> hops.get(API_GATEWAY).ms();
            case FUNCTION -> hops.get(LAMBDA).ms();
            case AWS_CALL -> hops.getOrDefault(hop.label(), hops.get(OTHER)).ms();
        };
    }

    public Model model(List<StageMeasurement.PathHop> path) {
        double hopsMs = 0;
        double handlersMs = 0;
        List<String> terms = new ArrayList<>();
        for (StageMeasurement.PathHop hop : path) {
            double modelled = hopMs(hop);
            hopsMs += modelled;
            if (hop.kind() == CriticalPath.Kind.FUNCTION) {
                handlersMs += hop.ownMs();
                terms.add(String.format(java.util.Locale.ROOT, "%s %.0f + handler %.1f", hop.label(), modelled, hop.ownMs()));
            } else {
                terms.add(String.format(java.util.Locale.ROOT, "%s %.0f", hop.label(), modelled));
            }
        }
        return new Model(hopsMs + handlersMs, hopsMs, handlersMs, List.copyOf(terms));
    }
}
