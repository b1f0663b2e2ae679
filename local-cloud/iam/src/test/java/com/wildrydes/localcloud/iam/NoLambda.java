package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.InvokeResult;
import com.wildrydes.localcloud.lambda.LambdaControl;

import java.util.List;
import java.util.Optional;

/** A Lambda with no functions, for an SNS service whose topics have no Lambda subscribers. */
final class NoLambda implements LambdaControl {

    @Override
    public String createFunction(FunctionConfig config) {
        throw new UnsupportedOperationException("no functions here");
    }

    @Override
    public void deleteFunction(String functionName) {
    }

    @Override
    public InvokeResult invoke(String functionNameOrArn, byte[] payload, String traceHeader) {
        throw new UnsupportedOperationException("no functions here");
    }

    @Override
    public String invokeAsync(String functionNameOrArn, byte[] payload) {
        throw new UnsupportedOperationException("no functions here");
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
