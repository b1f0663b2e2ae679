package com.wildrydes.localcloud.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The error a runtime posts to {@code /invocation/{id}/error} or {@code /init/error}, which Lambda
 * returns to the caller as the invoke's payload: {@code {"errorMessage","errorType","stackTrace"}}.
 *
 * @param stackTrace null when there is none (a configuration fault rather than an exception)
 */
record ErrorDocument(String errorMessage, String errorType, List<String> stackTrace, String logText) {

    /** An error from an exception, its frames below the runtime client already removed. */
    static ErrorDocument of(Throwable error) {
        String message = error.getLocalizedMessage() == null ? error.getClass().getName() : error.getLocalizedMessage();
        List<String> frames = Arrays.stream(error.getStackTrace()).map(StackTraceElement::toString).toList();
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return new ErrorDocument(message, error.getClass().getName(), frames, message + ": " + trace);
    }

    /** An error that is not an exception, such as a handler that names a missing method. */
    static ErrorDocument of(String errorMessage, String errorType) {
        return new ErrorDocument(errorMessage, errorType, null, errorMessage);
    }

    byte[] toJson() {
        StringBuilder json = new StringBuilder(256).append("{\"errorMessage\":");
        quote(json, errorMessage);
        json.append(",\"errorType\":");
        quote(json, errorType);
        if (stackTrace != null) {
            json.append(",\"stackTrace\":[");
            for (int i = 0; i < stackTrace.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                quote(json, stackTrace.get(i));
            }
            json.append(']');
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** Removes the runtime client's own frames (and those that called into it) from a stack trace. */
    static <T extends Throwable> T withoutRuntimeFrames(T error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        trim(error, seen);
        return error;
    }

    private static void trim(Throwable error, Set<Throwable> seen) {
        if (error == null || !seen.add(error)) {
            return;
        }
        StackTraceElement[] frames = error.getStackTrace();
        String runtimePackage = ErrorDocument.class.getPackageName() + ".";
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().startsWith(runtimePackage)) {
                error.setStackTrace(Arrays.copyOf(frames, i));
                break;
            }
        }
        trim(error.getCause(), seen);
        for (Throwable suppressed : error.getSuppressed()) {
            trim(suppressed, seen);
        }
    }
}
