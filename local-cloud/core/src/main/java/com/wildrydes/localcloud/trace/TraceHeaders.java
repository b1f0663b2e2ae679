package com.wildrydes.localcloud.trace;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads X-Ray's trace header, {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}:
 * the root is what ties the hops of one request together.
 */
public final class TraceHeaders {

    /** The HTTP header every hop forwards. */
    public static final String NAME = "X-Amzn-Trace-Id";

    private static final Pattern ROOT = Pattern.compile("1-[0-9a-f]{8}-[0-9a-f]{24}");

    private TraceHeaders() {
    }

    /** The header's Root, when it has a well-formed one. */
    public static Optional<String> root(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String field : header.split(";")) {
            int equals = field.indexOf('=');
            if (equals > 0 && field.substring(0, equals).strip().equals("Root")) {
                String root = field.substring(equals + 1).strip();
                return isRootId(root) ? Optional.of(root) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A root id as traces are looked up by: {@code 1-<8 hex digits>-<24 hex digits>}. */
    public static boolean isRootId(String id) {
        return id != null && ROOT.matcher(id).matches();
    }
}
