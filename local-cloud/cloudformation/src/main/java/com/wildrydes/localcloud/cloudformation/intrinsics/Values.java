package com.wildrydes.localcloud.cloudformation.intrinsics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shapes of template values after parsing: strings, numbers, booleans, lists and maps with string
 * keys. Resource properties arrive as these; the helpers coerce them the way CloudFormation does
 * (a number where a string is expected is its decimal text, {@code "30"} where a number is expected is 30).
 */
public final class Values {

    private Values() {
    }

    public static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    /** A scalar as CloudFormation passes it to a string-typed property. */
    public static String string(Object value, String what) {
        return switch (value) {
            case String s -> s;
            case BigDecimal d -> d.toPlainString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case null -> throw new IntrinsicException(what + " must be a string but is missing");
            default -> throw new IntrinsicException(what + " must be a string but is " + describe(value));
        };
    }

    public static String optionalString(Object value, String what) {
        return value == null ? null : string(value, what);
    }

    public static int integer(Object value, String what) {
        return switch (value) {
            case Integer i -> i;
            case Long l when l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE -> l.intValue();
            case BigDecimal d when d.stripTrailingZeros().scale() <= 0 -> d.intValueExact();
            case Double d when d == Math.rint(d) -> d.intValue();
            case String s when s.trim().matches("[-+]?\\d{1,9}") -> Integer.parseInt(s.trim());
            case null -> throw new IntrinsicException(what + " must be an integer but is missing");
            default -> throw new IntrinsicException(what + " must be an integer but is " + describe(value));
        };
    }

    public static long longValue(Object value, String what) {
        return switch (value) {
            case Integer i -> i;
            case Long l -> l;
            case BigDecimal d when d.stripTrailingZeros().scale() <= 0 -> d.longValueExact();
            case String s when s.trim().matches("[-+]?\\d{1,18}") -> Long.parseLong(s.trim());
            default -> integer(value, what);
        };
    }

    public static boolean bool(Object value, String what) {
        return switch (value) {
            case Boolean b -> b;
            case String s when s.equalsIgnoreCase("true") -> true;
            case String s when s.equalsIgnoreCase("false") -> false;
            case null -> throw new IntrinsicException(what + " must be true or false but is missing");
            default -> throw new IntrinsicException(what + " must be true or false but is " + describe(value));
        };
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value, String what) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IntrinsicException(what + " must be a list but is " + describe(value));
    }

    /** A list, or a single value read as a one-element list (IAM's Action and Resource allow both). */
    public static List<Object> listOrSingle(Object value, String what) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> ? list(value, what) : List.of(value);
    }

    public static List<String> strings(Object value, String what) {
        List<String> out = new ArrayList<>();
        for (Object item : listOrSingle(value, what)) {
            out.add(string(item, what));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IntrinsicException(what + " must be a map but is " + describe(value));
    }

    public static Map<String, Object> optionalMap(Object value, String what) {
        return value == null ? Map.of() : map(value, what);
    }

    /** Says what a value is, for messages: "a list", "a map", "the string 'x'". */
    public static String describe(Object value) {
        return switch (value) {
            case null -> "missing";
            case List<?> l -> "a list";
            case Map<?, ?> m -> m.size() == 1 ? "the map {" + m.keySet().iterator().next() + ": ...}" : "a map";
            case String s -> "the string '" + s + "'";
            case Number n -> "the number " + n;
            case Boolean b -> "the boolean " + b;
            default -> "a " + value.getClass().getSimpleName();
        };
    }

    /** A deep, mutable copy (maps keep their order). */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, copy(v)));
            return (T) out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copy(v)));
            return (T) out;
        }
        return value;
    }

    /** Every scalar as its string, as CloudFormation hands ResourceProperties to a custom resource. */
    public static Object stringifyScalars(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, stringifyScalars(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(stringifyScalars(v)));
            return out;
        }
        return value == null ? null : string(value, "value");
    }
}
