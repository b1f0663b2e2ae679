package com.wildrydes.localcloud.apigateway;

import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.InvokeResult;
import com.wildrydes.localcloud.lambda.LambdaControl;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Functions as Java lambdas from event JSON to result JSON; remembers what each was invoked with. */
final class FakeLambda implements LambdaControl {

    record Call(String event, String traceHeader) {
    }

    private final Map<String, Function<String, InvokeResult>> functions = new ConcurrentHashMap<>();
    private final Map<String, Call> lastCalls = new ConcurrentHashMap<>();

    void answer(String name, Function<String, String> handler) {
        functions.put(name, event -> new InvokeResult(200, handler.apply(event).getBytes(StandardCharsets.UTF_8), null,
                UUID.randomUUID().toString()));
    }

    void fail(String name, String errorDocument) {
        functions.put(name, event -> new InvokeResult(200, errorDocument.getBytes(StandardCharsets.UTF_8), "Unhandled",
                UUID.randomUUID().toString()));
    }

    Call lastCall(String name) {
        return lastCalls.get(name);
    }

    @Override
    public InvokeResult invoke(String functionNameOrArn, byte[] payload, String traceHeader) {
        Function<String, InvokeResult> function = functions.get(functionNameOrArn);
        if (function == null) {
            throw new AwsServiceException(404, "ResourceNotFoundException", "Function not found: " + functionArn(functionNameOrArn));
        }
        String event = new String(payload, StandardCharsets.UTF_8);
        lastCalls.put(functionNameOrArn, new Call(event, traceHeader));
        return function.apply(event);
    }

    @Override
    public String createFunction(FunctionConfig config) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteFunction(String functionName) {
        functions.remove(functionName);
    }

    @Override
    public String invokeAsync(String functionNameOrArn, byte[] payload) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String functionArn(String functionName) {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
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
