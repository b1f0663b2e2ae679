package com.wildrydes.localcloud.cloudformation.intrinsics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates intrinsic functions in a template value. A map with the single key {@code Ref} or
 * {@code Fn::*} is a function call; everything else is data, walked recursively. Errors name the
 * path of the value inside the property ({@code Environment.Variables.FLEET_URL}).
 */
public final class Intrinsics {

    /** Functions that may appear in resource properties and outputs. */
    public static final Set<String> FUNCTIONS = Set.of("Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select",
            "Fn::Split", "Fn::If", "Fn::FindInMap", "Fn::Base64", "Fn::ImportValue", "Fn::GetAZs");
    /** Functions that may appear only in the Conditions section. */
    public static final Set<String> CONDITION_FUNCTIONS = Set.of("Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition");

    private final ResolutionContext context;

    public Intrinsics(ResolutionContext context) {
        this.context = context;
    }

    /** Whether a value is a call of an intrinsic function (supported or not). */
    public static boolean isFunction(Object value) {
        return functionName(value) != null;
    }

    /** The function a value calls, or null if it is data. */
    public static String functionName(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            String key = String.valueOf(map.keySet().iterator().next());
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return key;
            }
        }
        return null;
    }

    /**
     * Refuses, before a deploy starts, functions local-cloud does not evaluate and {@code Fn::If}s
     * that name an undefined condition, wherever they stand in a value.
     */
    public static void checkSupported(Object value, Set<String> conditionNames) {
        String function = functionName(value);
        if (function != null) {
            if (!FUNCTIONS.contains(function)) {
                throw new IntrinsicException(unsupported(function));
            }
            Object argument = ((Map<?, ?>) value).values().iterator().next();
            if (function.equals("Fn::If") && argument instanceof List<?> list && !list.isEmpty()
                    && list.getFirst() instanceof String condition && !conditionNames.contains(condition)) {
                throw new IntrinsicException("Fn::If names the condition " + condition + ", which is not defined in the Conditions section");
            }
            checkSupported(argument, conditionNames);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> checkSupported(v, conditionNames));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> checkSupported(v, conditionNames));
        }
    }

    /** Resolves a whole value; a top-level {@code AWS::NoValue} comes back as {@link NoValue#INSTANCE}. */
    public Object resolve(Object value, String path) {
        String function = functionName(value);
        if (function != null) {
            Object argument = ((Map<?, ?>) value).values().iterator().next();
            return call(function, argument, path);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object resolved = resolve(v, path.isEmpty() ? String.valueOf(k) : path + "." + k);
                if (resolved != NoValue.INSTANCE) {
                    out.put(String.valueOf(k), resolved);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object resolved = resolve(list.get(i), path + "[" + i + "]");
                if (resolved != NoValue.INSTANCE) {
                    out.add(resolved);
                }
            }
            return out;
        }
        return value;
    }

    /** Resolves a value that must end up a string (an output, an environment variable...). */
    public String resolveString(Object value, String path) {
        Object resolved = resolve(value, path);
        if (resolved == NoValue.INSTANCE) {
            throw new IntrinsicException(path + " resolves to AWS::NoValue but must be a string");
        }
        return Values.string(resolved, path);
    }

    private Object call(String function, Object argument, String path) {
        String where = path.isEmpty() ? function : path + " (" + function + ")";
        try {
            return switch (function) {
                case "Ref" -> ref(argument, where);
                case "Fn::GetAtt" -> getAtt(argument, path, where);
                case "Fn::Sub" -> sub(argument, path, where);
                case "Fn::Join" -> join(argument, path, where);
                case "Fn::Select" -> select(argument, path, where);
                case "Fn::Split" -> split(argument, path, where);
                case "Fn::If" -> ifThen(argument, path, where);
                case "Fn::FindInMap" -> findInMap(argument, path, where);
                case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                        Values.string(resolve(argument, path), where).getBytes(StandardCharsets.UTF_8));
                case "Fn::ImportValue" -> context.importValue(Values.string(resolve(argument, path), where));
                case "Fn::GetAZs" -> availabilityZones(Values.string(resolve(argument, path), where));
                default -> throw new IntrinsicException(unsupported(function));
            };
        } catch (IntrinsicException e) {
            throw e.at(where);
        }
    }

    static String unsupported(String function) {
        if (CONDITION_FUNCTIONS.contains(function)) {
            return function + " can be used only in the Conditions section (Fn::If names a condition from there)";
        }
        return "the intrinsic function " + function + " is not supported by local-cloud; supported functions: "
                + String.join(", ", new TreeSet<>(FUNCTIONS)) + " (and in Conditions: "
                + String.join(", ", new TreeSet<>(CONDITION_FUNCTIONS)) + ")";
    }

    private Object ref(Object argument, String where) {
        if (!(argument instanceof String name)) {
            throw new IntrinsicException("Ref takes the name of a parameter or resource, not " + Values.describe(argument));
        }
        if (name.equals("AWS::NoValue")) {
            return NoValue.INSTANCE;
        }
        return context.ref(name);
    }

    private Object getAtt(Object argument, String path, String where) {
        List<Object> args;
        if (argument instanceof String dotted && dotted.indexOf('.') > 0) {
            args = List.of(dotted.substring(0, dotted.indexOf('.')), dotted.substring(dotted.indexOf('.') + 1));
        } else if (argument instanceof List<?> list && list.size() == 2) {
            args = Values.list(argument, where);
        } else {
            throw new IntrinsicException("Fn::GetAtt takes [LogicalId, Attribute] or LogicalId.Attribute, not "
                    + Values.describe(argument));
        }
        String logicalId = Values.string(args.get(0), "Fn::GetAtt's logical id");
        String attribute = Values.string(resolve(args.get(1), path), "Fn::GetAtt's attribute name");
        return context.getAtt(logicalId, attribute);
    }

    private String sub(Object argument, String path, String where) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof String s) {
            text = s;
        } else if (argument instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String s) {
            text = s;
            variables = Values.map(list.get(1), "Fn::Sub's variable map");
        } else {
            throw new IntrinsicException("Fn::Sub takes a string or [String, {Variables}], not " + Values.describe(argument));
        }
        StringBuilder out = new StringBuilder();
        for (SubTemplate.Part part : SubTemplate.parse(text).parts()) {
            switch (part) {
                case SubTemplate.Literal literal -> out.append(literal.text());
                case SubTemplate.Placeholder placeholder -> {
                    Object value;
                    if (variables.containsKey(placeholder.name())) {
                        value = resolve(variables.get(placeholder.name()), path);
                    } else if (placeholder.attribute() != null) {
                        value = context.getAtt(placeholder.resource(), placeholder.attribute());
                    } else {
                        value = context.ref(placeholder.name());
                    }
                    if (value instanceof List<?> || value instanceof Map<?, ?> || value == NoValue.INSTANCE) {
                        throw new IntrinsicException("${" + placeholder.name() + "} resolves to "
                                + (value == NoValue.INSTANCE ? "AWS::NoValue" : Values.describe(value))
                                + ", which cannot stand in a string");
                    }
                    out.append(Values.string(value, "${" + placeholder.name() + "}"));
                }
            }
        }
        return out.toString();
    }

    private String join(Object argument, String path, String where) {
        List<Object> args = twoArguments(argument, "Fn::Join", "[Delimiter, [Values]]");
        String delimiter = Values.string(args.get(0), "Fn::Join's delimiter");
        List<Object> items = Values.list(resolve(args.get(1), path), "Fn::Join's values");
        List<String> parts = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof List<?> || item instanceof Map<?, ?>) {
                throw new IntrinsicException("Fn::Join's values must be strings, but one is " + Values.describe(item));
            }
            parts.add(Values.string(item, "Fn::Join's value"));
        }
        return String.join(delimiter, parts);
    }

    private Object select(Object argument, String path, String where) {
        List<Object> args = twoArguments(argument, "Fn::Select", "[Index, [Values]]");
        int index = Values.integer(resolve(args.get(0), path), "Fn::Select's index");
        List<Object> items = Values.list(resolve(args.get(1), path), "Fn::Select's values");
        if (index < 0 || index >= items.size()) {
            throw new IntrinsicException("Fn::Select cannot select nonexistent value at index " + index
                    + " (the list has " + items.size() + " values)");
        }
        return items.get(index);
    }

    private List<Object> split(Object argument, String path, String where) {
        List<Object> args = twoArguments(argument, "Fn::Split", "[Delimiter, String]");
        String delimiter = Values.string(args.get(0), "Fn::Split's delimiter");
        if (delimiter.isEmpty()) {
            throw new IntrinsicException("Fn::Split's delimiter must not be empty");
        }
        String source = Values.string(resolve(args.get(1), path), "Fn::Split's source string");
        List<Object> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = source.indexOf(delimiter, from);
            if (at < 0) {
                out.add(source.substring(from));
                return out;
            }
            out.add(source.substring(from, at));
            from = at + delimiter.length();
        }
    }

    private Object ifThen(Object argument, String path, String where) {
        List<Object> args = Values.list(argument, "Fn::If");
        if (args.size() != 3 || !(args.get(0) instanceof String condition)) {
            throw new IntrinsicException("Fn::If takes [ConditionName, ValueIfTrue, ValueIfFalse]");
        }
        return resolve(context.condition(condition) ? args.get(1) : args.get(2), path);
    }

    private Object findInMap(Object argument, String path, String where) {
        List<Object> args = Values.list(argument, "Fn::FindInMap");
        if (args.size() != 3) {
            throw new IntrinsicException("Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]");
        }
        String map = Values.string(resolve(args.get(0), path), "Fn::FindInMap's map name");
        String top = Values.string(resolve(args.get(1), path), "Fn::FindInMap's top-level key");
        String second = Values.string(resolve(args.get(2), path), "Fn::FindInMap's second-level key");
        Object mapping = context.mappings().get(map);
        Object level = mapping instanceof Map<?, ?> m ? m.get(top) : null;
        Object value = level instanceof Map<?, ?> m ? m.get(second) : null;
        if (value == null) {
            throw new IntrinsicException("Unable to get mapping for " + map + "::" + top + "::" + second);
        }
        return value;
    }

    private List<Object> availabilityZones(String region) {
        String actual = region.isEmpty() ? context.region() : region;
        return List.of(actual + "a", actual + "b", actual + "c");
    }

    private static List<Object> twoArguments(Object argument, String function, String shape) {
        if (argument instanceof List<?> list && list.size() == 2) {
            return Values.list(argument, function);
        }
        throw new IntrinsicException(function + " takes " + shape + ", not " + Values.describe(argument));
    }
}
