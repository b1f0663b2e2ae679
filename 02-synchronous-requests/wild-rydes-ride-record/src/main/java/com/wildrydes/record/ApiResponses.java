package com.wildrydes.record;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.Map;

/** API Gateway proxy responses: always JSON, always readable from a browser on any origin. */
public final class ApiResponses {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "application/json",
            "Access-Control-Allow-Origin", "*");

    private ApiResponses() {
    }

    public static APIGatewayProxyResponseEvent json(int statusCode, Object body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(statusCode)
                .withHeaders(HEADERS)
                .withBody(GSON.toJson(body));
    }

    /** The one error shape of every service: a code to branch on and a sentence naming the problem. */
    public static APIGatewayProxyResponseEvent error(int statusCode, String error, String message) {
        return json(statusCode, new ErrorBody(error, message));
    }

    private record ErrorBody(String error, String message) {
    }
}
