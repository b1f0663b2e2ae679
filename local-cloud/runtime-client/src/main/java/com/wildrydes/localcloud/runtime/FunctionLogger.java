package com.wildrydes.localcloud.runtime;

import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.io.PrintStream;

/** {@code context.getLogger()}: writes to stdout, one log entry per call. */
final class FunctionLogger implements LambdaLogger {

    private final PrintStream out;

    FunctionLogger(PrintStream out) {
        this.out = out;
    }

    @Override
    public void log(String message) {
        String text = String.valueOf(message);
        out.print(text.endsWith("\n") ? text : text + "\n");
    }

    @Override
    public void log(byte[] message) {
        out.write(message, 0, message.length);
        if (message.length == 0 || message[message.length - 1] != '\n') {
            out.print('\n');
        }
    }
}
