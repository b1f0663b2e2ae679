package com.wildrydes.localcloud.sns.cloudformation;

import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.InvokeResult;
import com.wildrydes.localcloud.lambda.LambdaControl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Lambda's control plane in memory: the functions CloudFormation registers, and the asynchronous invokes SNS makes. */
final class FakeLambda implements LambdaControl {

    static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:";

    record Invoke(String function, String payload) {
    }

    private final Map<String, FunctionConfig> functions = new LinkedHashMap<>();
    private final BlockingQueue<Invoke> invokes = new LinkedBlockingQueue<>();

    @Override
    public synchronized String createFunction(FunctionConfig config) {
        if (functions.putIfAbsent(config.functionName(), config) != null) {
            throw new AwsServiceException(409, "ResourceConflictException", "Function already exist: " + config.functionName());
        }
        return functionArn(config.functionName());
    }

    @Override
    public synchronized void deleteFunction(String functionName) {
        functions.remove(functionName);
    }

    @Override
    public InvokeResult invoke(String functionNameOrArn, byte[] payload, String traceHeader) {
        throw new UnsupportedOperationException("the templates under test invoke functions asynchronously only");
    }

    @Override
    public String invokeAsync(String functionNameOrArn, byte[] payload) {
        if (function(functionNameOrArn).isEmpty()) {
            throw new AwsServiceException(404, "ResourceNotFoundException", "Function not found: " + functionNameOrArn);
        }
        invokes.add(new Invoke(functionNameOrArn, new String(payload, StandardCharsets.UTF_8)));
        return UUID.randomUUID().toString();
    }

    /** The next asynchronous invoke, waiting up to {@code timeout}. */
    Invoke nextInvoke(Duration timeout) {
        try {
            Invoke invoke = invokes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (invoke == null) {
                throw new AssertionError("no asynchronous invoke within " + timeout);
            }
            return invoke;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Invokes received and not yet taken by {@link #nextInvoke}. */
    List<Invoke> pendingInvokes() {
        return new ArrayList<>(invokes);
    }

    @Override
    public String functionArn(String functionName) {
        return ARN_PREFIX + functionName;
    }

    @Override
    public synchronized Optional<FunctionConfig> function(String functionNameOrArn) {
        String name = functionNameOrArn.startsWith(ARN_PREFIX) ? functionNameOrArn.substring(ARN_PREFIX.length()) : functionNameOrArn;
        int colon = name.indexOf(':');
        return Optional.ofNullable(functions.get(colon < 0 ? name : name.substring(0, colon)));
    }

    @Override
    public synchronized List<FunctionConfig> functions() {
        return new ArrayList<>(functions.values());
    }
}
