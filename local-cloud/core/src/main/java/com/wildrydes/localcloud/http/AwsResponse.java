package com.wildrydes.localcloud.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the edge endpoint sends back for an AWS API call. */
public record AwsResponse(int status, Map<String, String> headers, byte[] body) {

    public static AwsResponse of(int status, String contentType, byte[] body) {
        return new AwsResponse(status, Map.of("Content-Type", contentType), body);
    }

    public static AwsResponse of(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
