package com.wildrydes.localcloud.apigateway;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource path as a template declares it: literal segments, {@code {param}} segments and a
 * final greedy {@code {proxy+}}. When several resources match a request, API Gateway picks the
 * most specific: segment by segment, a literal beats a parameter, which beats a greedy parameter.
 */
record ResourcePath(String template, List<Segment> segments) {

    sealed interface Segment {
    }

    record Literal(String text) implements Segment {
    }

    record Parameter(String name) implements Segment {
    }

    record Greedy(String name) implements Segment {
    }

    static ResourcePath parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("a resource path starts with '/': " + template);
        }
        List<Segment> segments = new ArrayList<>();
        String[] parts = template.equals("/") ? new String[0] : template.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty segment in resource path " + template);
            }
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i != parts.length - 1) {
                    throw new IllegalArgumentException("a greedy parameter must be the last segment: " + template);
                }
                segments.add(new Greedy(part.substring(1, part.length() - 2)));
            } else if (part.startsWith("{") && part.endsWith("}")) {
                segments.add(new Parameter(part.substring(1, part.length() - 1)));
            } else {
                segments.add(new Literal(part));
            }
        }
        return new ResourcePath(template, List.copyOf(segments));
    }

    /**
     * The path parameters when {@code pathSegments} (decoded, without the stage) match this
     * resource; a greedy parameter takes one or more remaining segments, joined by '/'.
     */
    Optional<Map<String, String>> match(List<String> pathSegments) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment instanceof Greedy greedy) {
                if (i >= pathSegments.size()) {
                    return Optional.empty();
                }
                parameters.put(greedy.name(), String.join("/", pathSegments.subList(i, pathSegments.size())));
                return Optional.of(parameters);
            }
            if (i >= pathSegments.size()) {
                return Optional.empty();
            }
            String value = pathSegments.get(i);
            switch (segment) {
                case Literal literal -> {
                    if (!literal.text().equals(value)) {
                        return Optional.empty();
                    }
                }
                case Parameter parameter -> {
                    if (value.isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(parameter.name(), value);
                }
                case Greedy ignored -> throw new AssertionError("handled above");
            }
        }
        return segments.size() == pathSegments.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** Compares specificity; greater means more specific. */
    static int compareSpecificity(ResourcePath a, ResourcePath b) {
        int n = Math.max(a.segments.size(), b.segments.size());
        for (int i = 0; i < n; i++) {
            int rankA = i < a.segments.size() ? rank(a.segments.get(i)) : -1;
            int rankB = i < b.segments.size() ? rank(b.segments.get(i)) : -1;
            if (rankA != rankB) {
                return Integer.compare(rankA, rankB);
            }
        }
        return 0;
    }

    private static int rank(Segment segment) {
        return switch (segment) {
            case Literal l -> 2;
            case Parameter p -> 1;
            case Greedy g -> 0;
        };
    }

    /** The decoded segments of a request path such as {@code /unicorn/Shadowfax}; {@code /} has none. */
    static List<String> split(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return Collections.emptyList();
        }
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return List.of(trimmed.split("/", -1));
    }
}
