package com.wildrydes.localcloud.lambda;

/** Receives every log line of every function: its own output and Lambda's START, END and REPORT lines. */
@FunctionalInterface
public interface FunctionLogSink {

    /** Prints {@code [FunctionName] line} on local-cloud's stdout. */
    FunctionLogSink STDOUT = (functionName, line) -> System.out.println("[" + functionName + "] " + line);

    /** Discards lines; the in-memory tail still keeps them. */
    FunctionLogSink NONE = (functionName, line) -> {
    };

    void line(String functionName, String line);
}
