package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;

import java.util.Optional;

/** How one AWS service names the IAM action and resources of each call it serves, and how it refuses one. */
sealed interface ServiceRules permits DynamoDbRules, SsmRules, SqsRules, SnsRules, LambdaRules {

    /** The SigV4 signing name the edge routes by, e.g. {@code dynamodb}. */
    String signingName();

    /**
     * The action and resources a call asks for; empty for an operation local-cloud does not serve or a
     * request too malformed to name its resource, which the service then refuses with its own error.
     */
    Optional<RequestedAction> requested(AwsRequest request);

    /** The action as this service's error messages spell it, e.g. {@code SNS:Publish}, {@code sqs:sendmessage}. */
    default String displayed(String action) {
        return action;
    }

    /** The refusal in the service's own protocol, carrying {@code message}. */
    AwsResponse accessDenied(AwsRequest request, String message);
}
