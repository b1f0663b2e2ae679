package com.wildrydes.record;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** POST /record takes JSON only; a body sent as another media type is refused before it is read. */
final class JsonContentType {

    private JsonContentType() {
    }

    /** The Content-Type the request declares when it is not JSON; empty when it is JSON or absent. */
    static Optional<String> unsupported(APIGatewayProxyRequestEvent request) {
        // Absent: many simple clients omit it, and the body is checked as JSON anyway.
        return declared(request).filter(contentType -> !contentType.split(";", 2)[0].strip()
                .toLowerCase(Locale.ROOT).equals("application/json"));
    }

    /** API Gateway keeps header names as the client wrote them; HTTP says they are case-insensitive. */
    private static Optional<String> declared(APIGatewayProxyRequestEvent request) {
        Map<String, String> headers = request.getHeaders();
        if (headers != null) {
            for (var header : headers.entrySet()) {
                if ("Content-Type".equalsIgnoreCase(header.getKey())) {
                    return Optional.of(header.getValue() == null ? "" : header.getValue());
                }
            }
        }
        Map<String, List<String>> multiValueHeaders = request.getMultiValueHeaders();
        if (multiValueHeaders != null) {
            for (var header : multiValueHeaders.entrySet()) {
                if ("Content-Type".equalsIgnoreCase(header.getKey())) {
                    var values = header.getValue();
                    return Optional.of(values == null ? "" : String.join(",", values));
                }
            }
        }
        return Optional.empty();
    }
}
