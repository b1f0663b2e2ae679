package com.wildrydes.localcloud.sns;

import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.InvokeResult;
import com.wildrydes.localcloud.lambda.LambdaControl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A Lambda that records the asynchronous invokes SNS makes, for tests to inspect. */
final class RecordingLambda implements LambdaControl {

    record Invoke(String functionArn, String payload) {
    }

    private final BlockingQueue<Invoke> invokes = new LinkedBlockingQueue<>();

    @Override
    public String invokeAsync(String functionNameOrArn, byte[] payload) {
        invokes.add(new Invoke(functionNameOrArn, new String(payload, StandardCharsets.UTF_8)));
        return UUID.randomUUID().toString();
    }

    /** The next invoke of {@code functionArn}, waiting up to {@code timeout}; other functions' invokes are skipped. */
    Invoke next(String functionArn, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Invoke invoke = invokes.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (invoke == null) {
                    throw new AssertionError("no invoke of " + functionArn + " within " + timeout);
                }
                if (invoke.functionArn().equals(functionArn)) {
                    return invoke;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public String functionArn(String functionName) {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public String createFunction(FunctionConfig config) {
        throw new UnsupportedOperationException("not used by SNS");
    }

    @Override
    public void deleteFunction(String functionName) {
        throw new UnsupportedOperationException("not used by SNS");
    }

    @Override
    public InvokeResult invoke(String functionNameOrArn, byte[] payload, String traceHeader) {
        throw new UnsupportedOperationException("SNS invokes asynchronously");
    }

    @Override
    public Optional<FunctionConfig> function(String functionNameOrArn) {
        return Optional.empty();
    }

    @Override
    public List<FunctionConfig> functions() {
        return List.of();
    }
}
