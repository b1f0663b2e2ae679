package com.wildrydes.ride;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Every answer POST /ride gives. All of them carry the CORS headers: the rider's page is served from another
 * origin, and a browser hides even an error from it unless the error allows that origin too.
 */
final class ApiResponses {

    private static final String ALLOWED_METHODS = "OPTIONS,POST";

    private ApiResponses() {
    }

    static APIGatewayProxyResponseEvent created(Ride ride) {
        return response(201, JsonCodec.toJson(ride));
    }

    /** The answer to a browser's CORS preflight: the headers say it all. */
    static APIGatewayProxyResponseEvent preflight() {
        return response(204, null);
    }

    static APIGatewayProxyResponseEvent rejected(InvalidRequestException e) {
        APIGatewayProxyResponseEvent response = error(e.status(), e.code(), e.getMessage());
        if (e.status() == 405) {
            response.getHeaders().put("Allow", ALLOWED_METHODS); // RFC 9110 requires it with a 405.
        }
        return response;
    }

    static APIGatewayProxyResponseEvent downstreamFailed(DownstreamException e) {
        return switch (e.failure()) {
            case BAD_RESPONSE -> error(502, "BadGateway", e.getMessage());
            case UNAVAILABLE -> error(503, "ServiceUnavailable", e.getMessage());
            case TIMEOUT -> error(504, "GatewayTimeout", e.getMessage());
        };
    }

    static APIGatewayProxyResponseEvent internalError(String requestId) {
        return error(500, "InternalError",
                "The ride could not be requested because of an unexpected error; request id " + requestId);
    }

    private static APIGatewayProxyResponseEvent error(int status, String code, String message) {
        return response(status, JsonCodec.error(code, message));
    }

    private static APIGatewayProxyResponseEvent response(int status, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("Access-Control-Allow-Headers", "Content-Type");
        headers.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body);
    }
}
