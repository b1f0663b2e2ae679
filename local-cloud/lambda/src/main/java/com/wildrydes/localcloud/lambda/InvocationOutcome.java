package com.wildrydes.localcloud.lambda;

import com.wildrydes.localcloud.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How one invocation ended, and what the Invoke API answers for it. */
sealed interface InvocationOutcome {

    /** The handler returned this payload. */
    record Success(byte[] payload) implements InvocationOutcome {
    }

    /** The runtime reported an error (the handler threw, or init failed) with AWS's error document. */
    record FunctionFailure(byte[] errorDocument) implements InvocationOutcome {
    }

    /** The invocation ran past its timeout and the instance was stopped. */
    record TimedOut(String requestId, Instant at, double afterSeconds) implements InvocationOutcome {

        private static final DateTimeFormatter ISO_MILLIS =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

        String message() {
            return ISO_MILLIS.format(at) + " " + requestId + " Task timed out after " + String.format(Locale.ROOT, "%.2f", afterSeconds) + " seconds";
        }
    }

    /** The function's JVM exited mid-invocation. */
    record Crashed(String requestId, int exitStatus) implements InvocationOutcome {

        String message() {
            return "RequestId: " + requestId + " Error: Runtime exited with error: " + describe(exitStatus);
        }

        /** As Go's os/exec words it in AWS's messages: a signal for statuses above 128, else the status. */
        private static String describe(int status) {
            return switch (status) {
                case 128 + 6 -> "signal: aborted";
                case 128 + 9 -> "signal: killed";
                case 128 + 11 -> "signal: segmentation fault";
                case 128 + 15 -> "signal: terminated";
                default -> "exit status " + status;
            };
        }
    }

    default boolean failed() {
        return !(this instanceof Success);
    }

    /** The Invoke API's payload: the result, or the error document Lambda returns with FunctionError. */
    default byte[] payload() {
        return switch (this) {
            case Success s -> s.payload();
            case FunctionFailure f -> f.errorDocument();
            case TimedOut t -> ("{\"errorMessage\":" + quote(t.message()) + "}").getBytes(StandardCharsets.UTF_8);
            case Crashed c -> ("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":" + quote(c.message()) + "}")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The word InvocationRecord uses. */
    default String status() {
        return switch (this) {
            case Success s -> "success";
            case FunctionFailure f -> "error";
            case TimedOut t -> "timeout";
            case Crashed c -> "crash";
        };
    }

    private static String quote(String text) {
        return Json.text(text);
    }
}
