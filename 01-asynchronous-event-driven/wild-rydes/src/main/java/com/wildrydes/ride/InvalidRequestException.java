package com.wildrydes.ride;

/**
 * The rider's request cannot be served as sent. Carries the 4xx status and error code the rider gets back;
 * the message names the problem in a sentence.
 */
final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    private InvalidRequestException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(400, "InvalidRequest", message);
    }

    static InvalidRequestException methodNotAllowed(String message) {
        return new InvalidRequestException(405, "MethodNotAllowed", message);
    }

    static InvalidRequestException tooLarge(String message) {
        return new InvalidRequestException(413, "PayloadTooLarge", message);
    }

    static InvalidRequestException unsupportedMediaType(String message) {
        return new InvalidRequestException(415, "UnsupportedMediaType", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
