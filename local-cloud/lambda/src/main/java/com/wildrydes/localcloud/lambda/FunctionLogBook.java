package com.wildrydes.localcloud.lambda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A function's log: every line goes to the sink, and the latest lines stay in memory for the console. */
final class FunctionLogBook {

    static final int KEPT_LINES = 500;

    private final String functionName;
    private final FunctionLogSink sink;
    private final Deque<String> recent = new ArrayDeque<>(KEPT_LINES);

    FunctionLogBook(String functionName, FunctionLogSink sink) {
        this.functionName = functionName;
        this.sink = sink;
    }

    void append(String line) {
        synchronized (recent) {
            if (recent.size() == KEPT_LINES) {
                recent.removeFirst();
            }
            recent.addLast(line);
        }
        try {
            sink.line(functionName, line);
        } catch (RuntimeException e) {
            // a failing sink must not fail the function; the in-memory tail still has the line
        }
    }

    List<String> recent() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }
}
