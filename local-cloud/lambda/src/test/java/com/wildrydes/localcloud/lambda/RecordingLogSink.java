package com.wildrydes.localcloud.lambda;

import java.util.ArrayList;
import java.util.List;

/** Keeps every function log line, and echoes it to stdout for the test report. */
final class RecordingLogSink implements FunctionLogSink {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void line(String functionName, String line) {
        lines.add(functionName + " " + line);
        FunctionLogSink.STDOUT.line(functionName, line);
    }

    /** Lines of one function, without the name. */
    synchronized List<String> of(String functionName) {
        String prefix = functionName + " ";
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }
}
