package com.wildrydes.localcloud.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Asynchronous (Event) invokes: each event is queued at once and delivered in the background.
 * A failed attempt (the handler threw, timed out or crashed) is retried up to the function's
 * {@code maximumRetryAttempts} with a doubling delay; an event that used up its retries, or grew
 * older than {@code maximumEventAgeSeconds}, goes to the {@link DeadLetterSink} when the function
 * names an on-failure target, as AWS sends it to a dead-letter queue.
 */
final class AsyncInvoker implements AutoCloseable {

    private static final int ERROR_MESSAGE_LIMIT = 1024;

    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final DeadLetterSink deadLetters;
    private final Duration retryBaseDelay;

    AsyncInvoker(DeadLetterSink deadLetters, Duration retryBaseDelay) {
        this.deadLetters = deadLetters;
        this.retryBaseDelay = retryBaseDelay;
    }

    /**
     * Queues an event; returns its request id, which every attempt shares, as they share the
     * trace header (null starts a new trace).
     */
    String submit(DeployedFunction function, String invokedArn, byte[] payload, String traceHeader) {
        String requestId = UUID.randomUUID().toString();
        Instant queuedAt = Instant.now();
        workers.execute(() -> deliver(function, invokedArn, payload, traceHeader, requestId, queuedAt));
        return requestId;
    }

    private void deliver(DeployedFunction function, String invokedArn, byte[] payload, String traceHeader, String requestId,
                         Instant queuedAt) {
        AsyncConfig async = function.config().async() == null ? AsyncConfig.DEFAULT : function.config().async();
        Instant expiry = queuedAt.plusSeconds(async.maximumEventAgeSeconds());
        int attempts = 0;
        String failure = null;
        try {
            while (true) {
                if (Instant.now().isAfter(expiry)) {
                    failure = failure != null ? failure
                            : "Event age exceeded " + async.maximumEventAgeSeconds() + " seconds before it could be delivered";
                    break;
                }
                DeployedFunction.Completed completed;
                try {
                    completed = function.invoke(requestId, invokedArn, payload, traceHeader, null);
                } catch (AwsServiceException e) {
                    if (e.status() == 429) {
                        // Throttled events wait for capacity without using up a retry, as in AWS.
                        Thread.sleep(retryBaseDelay.toMillis());
                        continue;
                    }
                    return;
                }
                attempts++;
                if (!completed.outcome().failed()) {
                    return;
                }
                failure = errorMessage(completed.outcome().payload());
                if (attempts > async.maximumRetryAttempts()) {
                    break;
                }
                Duration delay = retryBaseDelay.multipliedBy(1L << Math.min(attempts - 1, 10));
                Duration untilExpiry = Duration.between(Instant.now(), expiry);
                Thread.sleep(Math.max(0, Math.min(delay.toMillis(), untilExpiry.toMillis() + 1)));
            }
        } catch (InterruptedException stopping) {
            return;
        }
        deadLetter(function, requestId, payload, failure, attempts);
    }

    private void deadLetter(DeployedFunction function, String requestId, byte[] payload, String failure, int attempts) {
        String target = function.config().async() == null ? null : function.config().async().onFailureTargetArn();
        String summary = "Asynchronous invocation " + requestId + " failed after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + ": " + failure;
        if (target == null) {
            function.log(null, summary + "; the event is dropped (no dead-letter target)");
            return;
        }
        try {
            deadLetters.send(target, payload, Map.of(
                    "RequestID", requestId,
                    "ErrorCode", "200",
                    "ErrorMessage", failure.length() > ERROR_MESSAGE_LIMIT ? failure.substring(0, ERROR_MESSAGE_LIMIT) : failure));
            function.log(null, summary + "; sent to " + target);
        } catch (RuntimeException e) {
            function.log(null, summary + "; could not be sent to " + target + ": " + e.getMessage());
        }
    }

    /** The error document's errorMessage, or the whole payload when it is not one. */
    private static String errorMessage(byte[] errorPayload) {
        try {
            JsonNode message = Json.parse(errorPayload).get("errorMessage");
            if (message != null && message.isTextual()) {
                return message.asText();
            }
        } catch (IOException notJson) {
            // fall through to the raw text
        }
        return new String(errorPayload, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
