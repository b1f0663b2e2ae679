package com.wildrydes.localcloud.cloudformation.intrinsics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the Conditions section once per deploy, before any resource exists: conditions may use
 * parameters, pseudo parameters and mappings, and other conditions, but not resources.
 */
public final class Conditions {

    private final Map<String, Object> definitions;
    private final Intrinsics values;
    private final Map<String, Boolean> results = new LinkedHashMap<>();
    private final LinkedHashSet<String> evaluating = new LinkedHashSet<>();

    private Conditions(Map<String, Object> definitions, ResolutionContext context) {
        this.definitions = definitions;
        this.values = new Intrinsics(context);
    }

    /** Every condition's value, in template order. */
    public static Map<String, Boolean> evaluate(Map<String, Object> definitions, ResolutionContext context) {
        Conditions conditions = new Conditions(definitions, context);
        for (String name : definitions.keySet()) {
            conditions.named(name);
        }
        return Map.copyOf(conditions.results);
    }

    private boolean named(String name) {
        Boolean known = results.get(name);
        if (known != null) {
            return known;
        }
        if (!definitions.containsKey(name)) {
            throw new IntrinsicException("the condition " + name + " is not defined in the Conditions section");
        }
        if (!evaluating.add(name)) {
            List<String> cycle = new ArrayList<>(evaluating);
            cycle = cycle.subList(cycle.indexOf(name), cycle.size());
            throw new IntrinsicException("Conditions refer to each other in a cycle: " + String.join(" -> ", cycle) + " -> " + name);
        }
        boolean value;
        try {
            value = expression(definitions.get(name), "Conditions." + name);
        } catch (IntrinsicException e) {
            throw e.at("Conditions." + name);
        }
        evaluating.remove(name);
        results.put(name, value);
        return value;
    }

    private boolean expression(Object expression, String path) {
        if (expression instanceof Map<?, ?> map && map.size() == 1) {
            String function = String.valueOf(map.keySet().iterator().next());
            Object argument = map.values().iterator().next();
            switch (function) {
                case "Condition":
                    return named(Values.string(argument, "Condition"));
                case "Fn::Equals": {
                    List<Object> sides = Values.list(argument, "Fn::Equals");
                    if (sides.size() != 2) {
                        throw new IntrinsicException("Fn::Equals takes exactly two values");
                    }
                    return comparable(values.resolve(sides.get(0), path)).equals(comparable(values.resolve(sides.get(1), path)));
                }
                case "Fn::Not": {
                    List<Object> operand = Values.list(argument, "Fn::Not");
                    if (operand.size() != 1) {
                        throw new IntrinsicException("Fn::Not takes a list of exactly one condition");
                    }
                    return !expression(operand.getFirst(), path);
                }
                case "Fn::And", "Fn::Or": {
                    List<Object> operands = Values.list(argument, function);
                    if (operands.size() < 2 || operands.size() > 10) {
                        throw new IntrinsicException(function + " takes between 2 and 10 conditions");
                    }
                    boolean and = function.equals("Fn::And");
                    boolean result = and;
                    for (Object operand : operands) {
                        boolean value = expression(operand, path);
                        result = and ? result && value : result || value;
                    }
                    return result;
                }
                default:
                    break;
            }
        }
        throw new IntrinsicException("a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or {Condition: Name}, not "
                + Values.describe(expression));
    }

    /** Fn::Equals compares values as strings: {@code 5} equals {@code "5"}. */
    private static Object comparable(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Conditions::comparable).toList();
        }
        return Values.isScalar(value) ? Values.string(value, "Fn::Equals") : value;
    }
}
