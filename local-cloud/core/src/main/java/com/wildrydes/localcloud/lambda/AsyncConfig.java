package com.wildrydes.localcloud.lambda;

/**
 * Asynchronous invocation settings: a function's {@code EventInvokeConfig} and {@code DeadLetterQueue}.
 *
 * @param maximumRetryAttempts   0 to 2; AWS's default is 2
 * @param maximumEventAgeSeconds 60 to 21600; AWS's default is 21600
 * @param onFailureTargetArn     an SQS queue (or SNS topic) ARN for events that exhausted their retries; null for none
 */
public record AsyncConfig(int maximumRetryAttempts, int maximumEventAgeSeconds, String onFailureTargetArn) {

    public static final AsyncConfig DEFAULT = new AsyncConfig(2, 21600, null);
}
