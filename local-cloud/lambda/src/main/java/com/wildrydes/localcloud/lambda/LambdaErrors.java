package com.wildrydes.localcloud.lambda;

import com.wildrydes.localcloud.http.AwsServiceException;

/** The errors Lambda's API answers, with AWS's codes, statuses and wording. */
final class LambdaErrors {

    private LambdaErrors() {
    }

    static AwsServiceException functionNotFound(String functionArn) {
        return new AwsServiceException(404, "ResourceNotFoundException", "Function not found: " + functionArn);
    }

    static AwsServiceException functionExists(String functionName) {
        return new AwsServiceException(409, "ResourceConflictException", "Function already exist: " + functionName);
    }

    static AwsServiceException invalidParameter(String message) {
        return new AwsServiceException(400, "InvalidParameterValueException", message);
    }

    static AwsServiceException invalidContent(String message) {
        return new AwsServiceException(400, "InvalidRequestContentException", message);
    }

    static AwsServiceException tooLarge(int limit, String operation) {
        return new AwsServiceException(413, "RequestTooLargeException",
                "Request must be smaller than " + limit + " bytes for the " + operation + " operation");
    }

    static AwsServiceException throttled() {
        return new AwsServiceException(429, "TooManyRequestsException", "Rate Exceeded.");
    }

    static AwsServiceException serviceStopped() {
        return new AwsServiceException(503, "ServiceException", "local-cloud's Lambda is shutting down");
    }
}
