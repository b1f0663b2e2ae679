package com.wildrydes.localcloud.apigateway;

/**
 * Where the time of one API request went, so the cost of each hop can be measured.
 *
 * @param totalMs       from receiving the request to having its response ready
 * @param integrationMs the Lambda invoke alone (0 when no function was called)
 */
public record RequestTiming(String requestId, String apiId, String httpMethod, String path, int status,
                            double totalMs, double integrationMs) {

    /** What API Gateway itself added: routing, building the event, mapping the response. */
    public double overheadMs() {
        return totalMs - integrationMs;
    }
}
