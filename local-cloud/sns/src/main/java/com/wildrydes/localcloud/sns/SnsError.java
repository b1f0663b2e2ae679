package com.wildrydes.localcloud.sns;

import com.wildrydes.localcloud.http.AwsServiceException;

/** An SNS error as the Query protocol reports it: an HTTP status and a code such as {@code NotFound}. */
public final class SnsError extends AwsServiceException {

    private SnsError(int status, String code, String message) {
        super(status, code, message);
    }

    public static SnsError notFound(String message) {
        return new SnsError(404, "NotFound", message);
    }

    public static SnsError topicNotFound() {
        return notFound("Topic does not exist");
    }

    public static SnsError subscriptionNotFound() {
        return notFound("Subscription does not exist");
    }

    /** AWS's InvalidParameterException; its messages start "Invalid parameter: ". */
    public static SnsError invalidParameter(String message) {
        return new SnsError(400, "InvalidParameter", message);
    }

    /** AWS's InvalidParameterValueException, used for message attributes. */
    public static SnsError parameterValueInvalid(String message) {
        return new SnsError(400, "ParameterValueInvalid", message);
    }

    public static SnsError invalidAction(String message) {
        return new SnsError(400, "InvalidAction", message);
    }
}
