package com.wildrydes.ride;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points the AWS SDK clients that the code under test builds for one service at a stub, as
 * AWS_ENDPOINT_URL_&lt;SERVICE&gt; would, with throwaway credentials. Closing it puts the system properties back.
 */
final class SdkStubEndpoint implements AutoCloseable {

    static final String ACCESS_KEY_ID = "AKIDSTUBSTUBSTUBSTUB";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private SdkStubEndpoint(Map<String, String> properties) {
        properties.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
    }

    /** {@code serviceId} as the SDK spells it in aws.endpointUrl&lt;Service&gt;, e.g. "Sns". */
    static SdkStubEndpoint of(String serviceId, URI endpoint) {
        return new SdkStubEndpoint(Map.of(
                "aws.endpointUrl" + serviceId, endpoint.toString(),
                "aws.accessKeyId", ACCESS_KEY_ID,
                "aws.secretAccessKey", "stub-secret-key"));
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
