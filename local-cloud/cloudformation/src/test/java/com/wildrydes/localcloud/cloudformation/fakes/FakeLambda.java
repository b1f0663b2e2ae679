package com.wildrydes.localcloud.cloudformation.fakes;

import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.InvokeResult;
import com.wildrydes.localcloud.lambda.LambdaControl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** Lambda's control plane in memory; asynchronous invokes run a pluggable handler on their own thread. */
public final class FakeLambda implements LambdaControl {

    public static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:";

    private final Map<String, FunctionConfig> functions = new LinkedHashMap<>();
    /** "create NAME" / "delete NAME", in call order. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> journal;
    private volatile BiConsumer<String, byte[]> asyncHandler = (function, payload) -> { };

    /** @param journal where calls are also recorded, shared with the other fakes to see their order */
    public FakeLambda(List<String> journal) {
        this.journal = journal;
    }

    public void onInvokeAsync(BiConsumer<String, byte[]> handler) {
        this.asyncHandler = handler;
    }

    @Override
    public synchronized String createFunction(FunctionConfig config) {
        if (functions.containsKey(config.functionName())) {
            throw new AwsServiceException(409, "ResourceConflictException", "Function already exist: " + config.functionName());
        }
        functions.put(config.functionName(), config);
        calls.add("create " + config.functionName());
        journal.add("lambda:create " + config.functionName());
        return functionArn(config.functionName());
    }

    @Override
    public synchronized void deleteFunction(String functionName) {
        functions.remove(functionName);
        calls.add("delete " + functionName);
        journal.add("lambda:delete " + functionName);
    }

    @Override
    public InvokeResult invoke(String functionNameOrArn, byte[] payload, String traceHeader) {
        return new InvokeResult(200, "{}".getBytes(StandardCharsets.UTF_8), null, UUID.randomUUID().toString());
    }

    @Override
    public String invokeAsync(String functionNameOrArn, byte[] payload) {
        if (function(functionNameOrArn).isEmpty()) {
            throw new AwsServiceException(404, "ResourceNotFoundException", "Function not found: " + functionNameOrArn);
        }
        BiConsumer<String, byte[]> handler = asyncHandler;
        Thread.ofVirtual().start(() -> handler.accept(functionNameOrArn, payload));
        return UUID.randomUUID().toString();
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
