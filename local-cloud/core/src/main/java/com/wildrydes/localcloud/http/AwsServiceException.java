package com.wildrydes.localcloud.http;

/**
 * An error that a service answers the way AWS does: an HTTP status, an error code such as
 * {@code ResourceNotFoundException}, and AWS's message for it.
 */
public class AwsServiceException extends RuntimeException {

    private final int status;
    private final String errorCode;

    public AwsServiceException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public static AwsServiceException badRequest(String errorCode, String message) {
        return new AwsServiceException(400, errorCode, message);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }
}
