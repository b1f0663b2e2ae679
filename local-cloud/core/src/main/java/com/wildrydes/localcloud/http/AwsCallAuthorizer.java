package com.wildrydes.localcloud.http;

import java.util.Optional;

/**
 * Decides, before a service sees it, whether the caller may make an AWS call, as IAM does.
 * An empty answer allows the call; a present one is the refusal to send back.
 */
@FunctionalInterface
public interface AwsCallAuthorizer {

    AwsCallAuthorizer ALLOW_ALL = request -> Optional.empty();

    Optional<AwsResponse> refuse(AwsRequest request);
}
