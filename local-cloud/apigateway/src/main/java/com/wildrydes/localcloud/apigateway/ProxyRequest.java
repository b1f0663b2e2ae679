package com.wildrydes.localcloud.apigateway;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as API Gateway receives it, independent of the HTTP server that carried it.
 *
 * @param path     decoded, relative to the stage, e.g. {@code /unicorn/Shadowfax}
 * @param rawQuery as sent, without '?', or null
 * @param headers  in the order to report them; each name once, with all its values
 */
record ProxyRequest(
        String httpMethod,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp,
        String protocol) {

    /** The last value of a header, matched without regard to case; null when absent. */
    String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(header.getValue().size() - 1);
            }
        }
        return null;
    }
}
