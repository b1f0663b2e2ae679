package com.wildrydes.systemtests.bench.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/** A proxy-integration function that does next to nothing, so a call's time is the hops around it. */
public final class HelloApi implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Map<String, Object> RESPONSE = Map.of(
            "statusCode", 200,
            "headers", Map.of("Content-Type", "application/json"),
            "body", "{\"Message\":\"Hello, world\"}");

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (event == null || !"GET".equals(event.get("httpMethod"))) {
            return Map.of("statusCode", 405, "body", "{\"Error\":\"only GET is supported\"}");
        }
        return RESPONSE;
    }
}
