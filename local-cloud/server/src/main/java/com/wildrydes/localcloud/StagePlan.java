package com.wildrydes.localcloud;

import com.wildrydes.localcloud.cloudformation.template.TemplateReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The services of a stage folder in deploy order. Services find each other through SSM parameters,
 * so a stack that reads a parameter deploys after the stack that publishes it; the order is derived
 * from the templates, never kept by hand, and a cycle is reported as the error it would be on AWS.
 */
public final class StagePlan {

    private static final String SSM_PARAMETER_TYPE = "AWS::SSM::Parameter::Value<";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private final List<StageService> ordered;

    private StagePlan(List<StageService> ordered) {
        this.ordered = ordered;
    }

    public static StagePlan of(Path stageDir) {
        List<StageService> services = new ArrayList<>();
        try (Stream<Path> children = Files.list(stageDir)) {
            for (Path dir : children.filter(d -> Files.isRegularFile(d.resolve("template.yaml"))).sorted().toList()) {
                services.add(read(dir.getFileName().toString(), dir.resolve("template.yaml")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (services.isEmpty()) {
            throw new IllegalArgumentException(stageDir + " holds no service (no */template.yaml)");
        }
        return new StagePlan(order(services));
    }

    public List<StageService> services() {
        return ordered;
    }

    static StageService read(String stackName, Path template) {
        Map<String, Object> document = TemplateReader.read(template);
        Map<String, String> defaults = new TreeMap<>();
        Set<String> reads = new LinkedHashSet<>();
        map(document.get("Parameters")).forEach((name, spec) -> {
            Map<String, Object> parameter = map(spec);
            Object value = parameter.get("Default");
            if (value != null) {
                defaults.put(name, value.toString());
                if (String.valueOf(parameter.get("Type")).startsWith(SSM_PARAMETER_TYPE)) {
                    reads.add(value.toString());
                }
            }
        });
        defaults.put("AWS::StackName", stackName);

        Set<String> publishes = new LinkedHashSet<>();
        map(document.get("Resources")).values().forEach(resource -> {
            Map<String, Object> r = map(resource);
            if ("AWS::SSM::Parameter".equals(r.get("Type"))) {
                String name = substitute(map(r.get("Properties")).get("Name"), defaults);
                if (name != null) {
                    publishes.add(name);
                }
            }
        });
        return new StageService(stackName, template, publishes, reads);
    }

    /** A parameter name written literally or as {@code !Sub /svc/${Stage}/X} over parameter defaults. */
    private static String substitute(Object name, Map<String, String> defaults) {
        if (name instanceof String literal) {
            return literal;
        }
        Object sub = map(name).get("Fn::Sub");
        if (!(sub instanceof String text)) {
            return null;
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = defaults.get(m.group(1));
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<StageService> order(List<StageService> services) {
        Map<String, StageService> publisherOf = new LinkedHashMap<>();
        services.forEach(s -> s.publishes().forEach(p -> publisherOf.put(p, s)));
        List<StageService> ordered = new ArrayList<>();
        Set<StageService> visiting = new LinkedHashSet<>();
        for (StageService service : services) {
            visit(service, publisherOf, visiting, ordered);
        }
        return List.copyOf(ordered);
    }

    private static void visit(StageService service, Map<String, StageService> publisherOf,
                              Set<StageService> visiting, List<StageService> ordered) {
        if (ordered.contains(service)) {
            return;
        }
        if (!visiting.add(service)) {
            List<String> cycle = visiting.stream().map(StageService::stackName).toList();
            throw new IllegalStateException("the stage's services read each other's SSM parameters in a cycle: "
                    + String.join(" -> ", cycle) + " -> " + service.stackName()
                    + "; no deploy order can work, on AWS either");
        }
        // Publishers in name order, so the plan does not depend on the order parameters are declared in.
        service.reads().stream()
                .map(publisherOf::get)
                .filter(publisher -> publisher != null && publisher != service)
                .sorted(java.util.Comparator.comparing(StageService::stackName))
                .forEach(publisher -> visit(publisher, publisherOf, visiting, ordered));
        visiting.remove(service);
        ordered.add(service);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
