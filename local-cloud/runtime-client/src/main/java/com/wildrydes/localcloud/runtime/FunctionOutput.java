package com.wildrydes.localcloud.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The function's stdout, which Lambda collects as its log. Both {@code System.out} and
 * {@code System.err} write here, unbuffered so nothing is lost when the JVM exits abruptly.
 * It remembers whether the last byte ended a line, so that the end-of-invocation marker always
 * lands on a line of its own.
 */
final class FunctionOutput extends OutputStream {

    private final OutputStream target;
    private final PrintStream printer;
    private int lastByte = '\n';

    FunctionOutput(OutputStream target) {
        this.target = target;
        this.printer = new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    /** Routes {@code System.out} and {@code System.err} of this JVM to its stdout through one tracker. */
    static FunctionOutput installOnStdout() {
        FunctionOutput output = new FunctionOutput(new FileOutputStream(FileDescriptor.out));
        System.setOut(output.printer);
        System.setErr(output.printer);
        return output;
    }

    PrintStream printer() {
        return printer;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        target.write(b);
        lastByte = b & 0xFF;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > 0) {
            target.write(bytes, offset, length);
            lastByte = bytes[offset + length - 1] & 0xFF;
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        target.flush();
    }

    /**
     * Prints a line as the runtime (not the function) logs it, e.g. an error report. It writes
     * bytes directly rather than through the PrintStream, whose lock user threads take first.
     */
    synchronized void line(String text) {
        try {
            if (lastByte != '\n') {
                write('\n');
            }
            byte[] bytes = (text.endsWith("\n") ? text : text + "\n").getBytes(StandardCharsets.UTF_8);
            write(bytes, 0, bytes.length);
            flush();
        } catch (IOException e) {
            // stdout is gone only when local-cloud is; the parent watch ends this JVM then
        }
    }

    /** Marks the end of an invocation's output; see {@link RuntimeProtocol#INVOCATION_OUTPUT_END}. */
    void endInvocation(String requestId) {
        line(RuntimeProtocol.INVOCATION_OUTPUT_END + requestId);
    }
}
