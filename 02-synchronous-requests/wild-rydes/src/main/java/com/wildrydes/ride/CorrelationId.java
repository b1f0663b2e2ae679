package com.wildrydes.ride;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ties everything one ride request causes together: the log lines here and the event every subscriber receives.
 * It is API Gateway's id for the request, which also appears in API Gateway's own logs, or a fresh UUID when the
 * request carries none.
 */
record CorrelationId(String value) {

    /** What API Gateway's request ids look like, with room to spare; anything else is not copied into logs. */
    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    CorrelationId {
        Objects.requireNonNull(value, "value");
        if (!USABLE.matcher(value).matches()) {
            throw new IllegalArgumentException("A correlation id is 1 to 128 letters, digits, '.', '_', ':' or '-'");
        }
    }

    static CorrelationId of(APIGatewayProxyRequestEvent request) {
        var context = request.getRequestContext();
        String requestId = context == null ? null : context.getRequestId();
        return requestId != null && USABLE.matcher(requestId).matches() ? new CorrelationId(requestId) : random();
    }

    static CorrelationId random() {
        return new CorrelationId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
