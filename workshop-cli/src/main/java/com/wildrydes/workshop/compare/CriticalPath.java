package com.wildrydes.workshop.compare;

import com.wildrydes.localcloud.trace.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hops a rider waits for, derived from one ride's trace: every hop that ran inside the rider's
 * API request, except work handed off asynchronously.
 *
 * <p>A hand-off is recognised from the trace itself: an SNS {@code Deliver} hop names the function
 * it delivers to, and that function's next invocation, the AWS calls it made while it ran, and any
 * function those calls invoked in turn are off the rider's path even when they happen to finish
 * before the rider's response. The remaining hops are nested by time (a hop's parent is the latest
 * hop that began before it and ended after it) and printed depth first: {@code →} leads into a hop's
 * callee, {@code ;} separates calls one hop made one after the other, e.g.
 * {@code API Gateway → RequestRide → API Gateway → RequestUnicorn → DynamoDB Scan; SNS Publish}.
 *
 * @param hops the hops in the order they began
 */
public record CriticalPath(List<Hop> hops, String rendering) {

    static final String API_GATEWAY = "API Gateway";
    static final String LAMBDA = "Lambda";

    /**
     * One hop on the rider's path.
     *
     * @param kind       {@link Kind#API} for an API Gateway request, {@link Kind#FUNCTION} for a function's invocation,
     *                   {@link Kind#AWS_CALL} for a call a function made to an AWS API
     * @param label      how the path prints it: {@code API Gateway}, a function's short name, {@code DynamoDB Scan}
     * @param calleesMs  the time the hop spent waiting for the hops it called
     * @param requestId  a function's invocation request id (to find its REPORT line); empty for other hops
     */
    public record Hop(Kind kind, String label, String functionName, double durationMs, double calleesMs, String requestId) {

        /** The hop's own time: its duration less its callees'. */
        public double selfMs() {
            return Math.max(0, durationMs - calleesMs);
        }
    }

    public enum Kind { API, FUNCTION, AWS_CALL }

    public CriticalPath {
        hops = List.copyOf(hops);
    }

    public int hopCount() {
        return hops.size();
    }

    /** The critical path of one ride's trace, whose first span is the rider's API request. */
    public static CriticalPath of(List<Span> trace) {
        List<Span> spans = trace.stream().sorted(Comparator.comparing(Span::start)).toList();
        if (spans.isEmpty()) {
            return new CriticalPath(List.of(), "");
        }
        Span entry = spans.getFirst();
        Set<Span> handedOff = handedOff(spans);
        List<Span> critical = spans.stream()
                .filter(s -> !handedOff.contains(s))
                .filter(s -> !s.start().isBefore(entry.start()) && !s.end().isAfter(entry.end()))
                .toList();
        Map<Span, List<Span>> children = new IdentityHashMap<>();
        for (Span span : critical) {
            if (span == entry) {
                continue;
            }
            Span parent = entry;
            for (Span candidate : critical) {
                if (candidate != span && encloses(candidate, span) && candidate.start().isAfter(parent.start())
                        && !(candidate.start().equals(span.start()) && candidate.end().equals(span.end()))) {
                    parent = candidate;
                }
            }
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(span);
        }
        List<Hop> hops = critical.stream().map(span -> hop(span, children.getOrDefault(span, List.of()))).toList();
        return new CriticalPath(hops, render(entry, children));
    }

    /** The span of every hand-off and of everything that ran because of it. */
    private static Set<Span> handedOff(List<Span> spans) {
        Set<Span> off = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Span span : spans) {
            if (span.service().equals("SNS") && span.name().equals("Deliver")) {
                off.add(span);
                int to = span.detail().lastIndexOf(" to lambda ");
                if (to >= 0) {
                    markNextInvocation(spans, span, span.detail().substring(to + " to lambda ".length()).strip(), off);
                }
            }
        }
        // Calls made by a handed-off invocation, and the functions those calls invoke, are handed off too.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Span call : spans) {
                if (off.contains(call) || !isAwsCall(call)) {
                    continue;
                }
                String caller = caller(call);
                boolean fromHandedOff = spans.stream().anyMatch(s -> off.contains(s) && isInvocation(s)
                        && s.name().equals(caller) && encloses(s, call));
                if (fromHandedOff) {
                    off.add(call);
                    changed = true;
                    if (call.service().equals(LAMBDA) && call.name().equals("Invoke")) {
                        markNextInvocation(spans, call, invokedFunction(call), off);
                    }
                }
            }
        }
        return off;
    }

    private static void markNextInvocation(List<Span> spans, Span after, String functionName, Set<Span> off) {
        spans.stream()
                .filter(s -> isInvocation(s) && s.name().equals(functionName) && !off.contains(s)
                        && !s.start().isBefore(after.start()))
                .findFirst()
                .ifPresent(off::add);
    }

    static boolean isInvocation(Span span) {
        return span.service().equals(LAMBDA) && span.detail().startsWith("RequestId ");
    }

    static boolean isAwsCall(Span span) {
        return !span.service().equals(API_GATEWAY) && !isInvocation(span)
                && !(span.service().equals("SNS") && span.name().equals("Deliver"));
    }

    /** The function that made an AWS call: its span's detail ends with {@code from <function>}. */
    private static String caller(Span call) {
        int from = call.detail().lastIndexOf("from ");
        return from < 0 ? "" : call.detail().substring(from + "from ".length()).strip();
    }

    /** An Invoke call's function, without the alias or version it was invoked through. */
    private static String invokedFunction(Span call) {
        String resource = call.detail().split(" ")[0];
        int qualifier = resource.indexOf(':');
        return qualifier < 0 ? resource : resource.substring(0, qualifier);
    }

    private static boolean encloses(Span outer, Span inner) {
        return !outer.start().isAfter(inner.start()) && !outer.end().isBefore(inner.end());
    }

    private static Hop hop(Span span, List<Span> callees) {
        double calleesMs = callees.stream().mapToDouble(Span::durationMs).sum();
        if (span.service().equals(API_GATEWAY)) {
            return new Hop(Kind.API, API_GATEWAY, "", span.durationMs(), calleesMs, "");
        }
        if (isInvocation(span)) {
            return new Hop(Kind.FUNCTION, shortName(span.name()), span.name(), span.durationMs(), calleesMs,
                    span.detail().substring("RequestId ".length()).strip());
        }
        return new Hop(Kind.AWS_CALL, span.service() + " " + span.name(), "", span.durationMs(), calleesMs, "");
    }

    /** {@code wild-rydes-ride-fleet-RequestUnicorn} prints as {@code RequestUnicorn}: the stack name adds nothing here. */
    static String shortName(String functionName) {
        return functionName.substring(functionName.lastIndexOf('-') + 1);
    }

    private static String render(Span span, Map<Span, List<Span>> children) {
        String label = span.service().equals(API_GATEWAY) ? API_GATEWAY
                : isInvocation(span) ? shortName(span.name())
                : span.service() + " " + span.name();
        List<Span> callees = children.getOrDefault(span, List.of());
        if (callees.isEmpty()) {
            return label;
        }
        return label + " → " + callees.stream().map(c -> render(c, children)).collect(Collectors.joining("; "));
    }
}
