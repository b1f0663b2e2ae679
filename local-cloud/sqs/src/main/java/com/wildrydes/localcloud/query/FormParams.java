package com.wildrydes.localcloud.query;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of an AWS Query protocol call ({@code Action=...&Version=...}), from the query string
 * and the form-encoded body, with helpers for the protocol's flattened lists and maps
 * ({@code Prefix.1.Name}, {@code Prefix.member.1}, {@code Prefix.entry.1.key}).
 */
public final class FormParams {

    private final Map<String, String> values;

    private FormParams(Map<String, String> values) {
        this.values = values;
    }

    /** Parses a query string and a form body; a body parameter wins over a query-string one of the same name. */
    public static FormParams parse(String rawQuery, byte[] body) {
        Map<String, String> values = new LinkedHashMap<>();
        decodeInto(values, rawQuery);
        decodeInto(values, body == null ? null : new String(body, StandardCharsets.UTF_8));
        return new FormParams(values);
    }

    public static FormParams of(Map<String, String> values) {
        return new FormParams(new LinkedHashMap<>(values));
    }

    private static void decodeInto(Map<String, String> values, String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
    }

    public String get(String name) {
        return values.get(name);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, String> all() {
        return Map.copyOf(values);
    }

    /**
     * The numbered groups under a prefix, in index order: for {@code Attribute.1.Name=a&Attribute.1.Value=b}
     * and prefix {@code Attribute}, one group {@code {Name=a, Value=b}}. Keys inside a group keep their
     * remaining dotted path, e.g. {@code Value.StringValue}.
     */
    public List<Map<String, String>> groups(String prefix) {
        TreeMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        String start = prefix + ".";
        values.forEach((key, value) -> {
            if (!key.startsWith(start)) {
                return;
            }
            String rest = key.substring(start.length());
            int dot = rest.indexOf('.');
            String index = dot < 0 ? rest : rest.substring(0, dot);
            if (!isIndex(index)) {
                return;
            }
            byIndex.computeIfAbsent(Integer.parseInt(index), i -> new LinkedHashMap<>())
                    .put(dot < 0 ? "" : rest.substring(dot + 1), value);
        });
        return new ArrayList<>(byIndex.values());
    }

    /** A numbered list of plain values: {@code AttributeName.1=a&AttributeName.2=b}. */
    public List<String> list(String prefix) {
        return groups(prefix).stream().map(group -> group.get("")).filter(v -> v != null).toList();
    }

    /** A map sent as numbered entries, e.g. prefix {@code Attributes.entry} with {@code key}/{@code value}. */
    public Map<String, String> map(String prefix, String keyName, String valueName) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map<String, String> group : groups(prefix)) {
            String key = group.get(keyName);
            if (key != null) {
                map.put(key, group.getOrDefault(valueName, ""));
            }
        }
        return map;
    }

    private static boolean isIndex(String text) {
        if (text.isEmpty() || text.length() > 6) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
