package com.wildrydes.localcloud.http;

import java.util.List;
import java.util.Map;

/**
 * One call to an AWS API as the edge endpoint received it, after SigV4 routing.
 *
 * @param service     the signing name from the credential scope, e.g. {@code dynamodb}
 * @param region      the region from the credential scope
 * @param accessKeyId the caller's access key; identifies a function's role (or the CLI)
 * @param headers     header names in lower case
 */
public record AwsRequest(
        String service,
        String region,
        String accessKeyId,
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body) {

    /** The first value of a header, or null; {@code name} in any case. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The operation named by {@code X-Amz-Target} (the part after the last dot), or null. */
    public String targetOperation() {
        String target = header("x-amz-target");
        return target == null ? null : target.substring(target.lastIndexOf('.') + 1);
    }

    /** A request built in-process, for example by the CloudFormation engine calling a service. */
    public static AwsRequest internal(String service, String target, byte[] body) {
        return new AwsRequest(service, "us-east-1", null, "POST", "/", null,
                Map.of("x-amz-target", List.of(target)), body);
    }
}
