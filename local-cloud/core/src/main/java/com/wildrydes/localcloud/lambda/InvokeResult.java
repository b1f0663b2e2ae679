package com.wildrydes.localcloud.lambda;

/**
 * The outcome of a RequestResponse invoke, as the Invoke API reports it.
 *
 * @param statusCode    200 for a completed invoke, even when the function failed (see {@code functionError})
 * @param payload       the handler's result, or AWS's error document ({@code errorMessage}, {@code errorType}, {@code stackTrace})
 * @param functionError null on success, else {@code Unhandled}
 * @param requestId     the invocation's request id
 */
public record InvokeResult(int statusCode, byte[] payload, String functionError, String requestId) {

    public boolean failed() {
        return functionError != null;
    }
}
