package com.wildrydes.ride;

import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * What a failed AWS SDK call means for the rider. The SDK has already retried what is worth retrying; whatever is
 * left becomes a {@link DownstreamException} whose kind sets the status, and whose message names the neighbour and
 * AWS's error code, never an address or a stack trace.
 */
final class SdkCallFailures {

    private SdkCallFailures() {
    }

    /**
     * @param service     the neighbour in a sentence, e.g. "The rides topic"
     * @param callTimeout the client's API call timeout, for the message when it ran out
     */
    static DownstreamException downstream(String service, Duration callTimeout, SdkException failure) {
        if (timedOut(failure)) {
            return new DownstreamException(DownstreamFailure.TIMEOUT,
                    service + " did not answer within " + callTimeout.toMillis() + " ms", failure);
        }
        if (failure instanceof SdkServiceException refused) {
            // Throttling and server faults pass; anything else the service said no to will not change on a retry.
            if (refused.isThrottlingException() || refused.statusCode() >= 500) {
                return new DownstreamException(DownstreamFailure.UNAVAILABLE,
                        service + " is unavailable (" + errorCode(refused) + ")", failure);
            }
            return new DownstreamException(DownstreamFailure.BAD_RESPONSE,
                    service + " refused the call (" + errorCode(refused) + ")", failure);
        }
        // The client's own failure: no connection, or nothing readable came back.
        return new DownstreamException(DownstreamFailure.UNAVAILABLE, service + " could not be reached", failure);
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String errorCode(SdkServiceException refused) {
        if (refused instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return "HTTP " + refused.statusCode();
    }
}
