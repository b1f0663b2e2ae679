package com.wildrydes.localcloud.iam;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The wanted parameters of a Query protocol request ({@code Action=Publish&TopicArn=...}) from its
 * query string and form body, read as the services read them: the body after the query string, and
 * a parameter given twice counting as its last value. Other values (a message) are not decoded.
 */
final class FormMembers {

    private final Map<String, String> values;

    private FormMembers(Map<String, String> values) {
        this.values = values;
    }

    /** Empty when the encoding of a wanted parameter is malformed, which the service will refuse itself. */
    static Optional<FormMembers> read(String rawQuery, byte[] body, Set<String> wanted) {
        Map<String, String> values = new HashMap<>();
        try {
            decodeInto(values, rawQuery, wanted);
            decodeInto(values, body == null || body.length == 0 ? null : new String(body, StandardCharsets.UTF_8), wanted);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new FormMembers(values));
    }

    private static void decodeInto(Map<String, String> values, String encoded, Set<String> wanted) {
        if (encoded == null || encoded.isBlank()) {
            return;
        }
        int start = 0;
        while (start <= encoded.length()) {
            int end = encoded.indexOf('&', start);
            if (end < 0) {
                end = encoded.length();
            }
            if (end > start) {
                String pair = encoded.substring(start, end);
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (wanted.contains(name)) {
                    values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            start = end + 1;
        }
    }

    /** A parameter's value, or null. */
    String get(String name) {
        return values.get(name);
    }
}
