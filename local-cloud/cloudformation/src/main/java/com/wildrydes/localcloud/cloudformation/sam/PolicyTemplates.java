package com.wildrydes.localcloud.cloudformation.sam;

import com.fasterxml.jackson.core.type.TypeReference;
import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * SAM's policy templates ({@code DynamoDBCrudPolicy: {TableName: ...}}) with AWS's actions and
 * resource ARNs, expanded into policy statements whose resources are {@code Fn::Sub}s, exactly as
 * the SAM transform writes them into the function's role.
 */
final class PolicyTemplates {

    private record Definition(List<String> parameters, List<StatementDefinition> statements) {
    }

    private record StatementDefinition(List<String> actions, List<String> resources) {
    }

    private static final Map<String, Definition> TEMPLATES = load();

    private PolicyTemplates() {
    }

    static boolean isTemplate(String name) {
        return TEMPLATES.containsKey(name);
    }

    static String supported() {
        return String.join(", ", new TreeSet<>(TEMPLATES.keySet()));
    }

    /** The policy document for one use of a template; refuses missing or unknown parameters. */
    static Map<String, Object> document(String name, Object argument) {
        Definition definition = TEMPLATES.get(name);
        Map<String, Object> values = argument == null || "".equals(argument) ? Map.of() : Values.map(argument, name);
        List<String> missing = definition.parameters().stream().filter(p -> !values.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw new SamException("the policy template " + name + " is missing values for its parameters " + missing);
        }
        List<String> unknown = values.keySet().stream().filter(p -> !definition.parameters().contains(p)).toList();
        if (!unknown.isEmpty()) {
            throw new SamException("the policy template " + name + " has no parameters " + unknown + "; it takes "
                    + definition.parameters());
        }
        List<Object> statements = new ArrayList<>();
        for (StatementDefinition statement : definition.statements()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("Effect", "Allow");
            out.put("Action", new ArrayList<>(statement.actions()));
            List<Object> resources = new ArrayList<>();
            for (String pattern : statement.resources()) {
                resources.add(pattern.equals("*") ? "*" : substitution(pattern, definition.parameters(), values));
            }
            out.put("Resource", resources.size() == 1 ? resources.getFirst() : resources);
            statements.add(out);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Statement", statements);
        return document;
    }

    private static Object substitution(String pattern, List<String> parameters, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String parameter : parameters) {
            if (pattern.contains("${" + parameter + "}")) {
                variables.put(parameter, Values.copy(values.get(parameter)));
            }
        }
        return variables.isEmpty() ? Map.of("Fn::Sub", pattern) : Map.of("Fn::Sub", List.of(pattern, variables));
    }

    private static Map<String, Definition> load() {
        try (InputStream in = PolicyTemplates.class.getResourceAsStream("policy-templates.json")) {
            if (in == null) {
                throw new IllegalStateException("policy-templates.json is missing from the classpath");
            }
            return Json.MAPPER.readValue(in, new TypeReference<LinkedHashMap<String, Definition>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
