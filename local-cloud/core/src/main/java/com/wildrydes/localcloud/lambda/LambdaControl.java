package com.wildrydes.localcloud.lambda;

import java.util.List;
import java.util.Optional;

/** What the rest of local-cloud (CloudFormation, API Gateway, SNS) needs from Lambda. */
public interface LambdaControl {

    /** Registers a function; instances start on its first invoke. Returns its ARN. */
    String createFunction(FunctionConfig config);

    /** Stops the function's instances and forgets it; unknown names are ignored. */
    void deleteFunction(String functionName);

    /** A synchronous (RequestResponse) invoke by name, ARN or alias ARN. */
    default InvokeResult invoke(String functionNameOrArn, byte[] payload) {
        return invoke(functionNameOrArn, payload, null);
    }

    /**
     * A synchronous invoke that carries a trace header ({@code Root=1-...;Parent=...;Sampled=1}) to the
     * function, which the runtime hands to the handler as X-Ray's trace header; null for a new trace.
     */
    InvokeResult invoke(String functionNameOrArn, byte[] payload, String traceHeader);

    /**
     * An asynchronous (Event) invoke: queued at once, retried on failure as the function's
     * {@link AsyncConfig} says, then handed to the {@link DeadLetterSink}. Returns the request id.
     */
    String invokeAsync(String functionNameOrArn, byte[] payload);

    /**
     * An asynchronous invoke that continues the caller's trace (an SNS delivery continues the
     * publisher's); a Lambda without tracing ignores the header.
     */
    default String invokeAsync(String functionNameOrArn, byte[] payload, String traceHeader) {
        return invokeAsync(functionNameOrArn, payload);
    }

    /** The ARN for a function name, whether or not it exists yet. */
    String functionArn(String functionName);

    Optional<FunctionConfig> function(String functionNameOrArn);

    List<FunctionConfig> functions();
}
