package com.wildrydes.fleet;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The function's log: one log event per call, a failure with its stack trace in the same event. Callers of the
 * API only ever see a short JSON error; the details are here.
 */
public final class FunctionLog {

    private FunctionLog() {
    }

    public static void info(String message) {
        // The runtime frames each call as one event; the newline keeps lines apart where it does not.
        LambdaRuntime.getLogger().log(message + "\n");
    }

    public static void failure(String what, Throwable failure) {
        var trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        LambdaRuntime.getLogger().log(what + ": " + trace);
    }
}
