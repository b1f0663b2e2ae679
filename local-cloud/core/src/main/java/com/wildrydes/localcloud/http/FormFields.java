package com.wildrydes.localcloud.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One field of an {@code application/x-www-form-urlencoded} body, as the query protocols (SNS, SQS) send them. */
public final class FormFields {

    private FormFields() {
    }

    /**
     * A Query-protocol parameter of a request, from its query string or its form-encoded body; bodies over
     * {@code maxBodyBytes} are not decoded (an observer must not pay for a large message on every call).
     */
    public static Optional<String> value(AwsRequest request, String name, int maxBodyBytes) {
        Optional<String> inQuery = value(request.rawQuery(), name);
        if (inQuery.isPresent()) {
            return inQuery;
        }
        String contentType = request.header("content-type");
        byte[] body = request.body();
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")
                || body == null || body.length > maxBodyBytes) {
            return Optional.empty();
        }
        return value(new String(body, StandardCharsets.UTF_8), name);
    }

    /** The decoded value of the first field called {@code name}; empty when the form has none. */
    public static Optional<String> value(String form, String name) {
        if (form == null || form.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
