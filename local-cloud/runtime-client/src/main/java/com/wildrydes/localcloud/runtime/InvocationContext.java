package com.wildrydes.localcloud.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The {@link Context} a handler receives for one invocation. */
final class InvocationContext implements Context {

    private final RuntimeEnvironment environment;
    private final Invocation invocation;
    private final LambdaLogger logger;
    private ClientContext clientContext;
    private CognitoIdentity identity;

    InvocationContext(RuntimeEnvironment environment, Invocation invocation, LambdaLogger logger) {
        this.environment = environment;
        this.invocation = invocation;
        this.logger = logger;
    }

    @Override
    public String getAwsRequestId() {
        return invocation.requestId();
    }

    @Override
    public String getLogGroupName() {
        return environment.logGroupName();
    }

    @Override
    public String getLogStreamName() {
        return environment.logStreamName();
    }

    @Override
    public String getFunctionName() {
        return environment.functionName();
    }

    @Override
    public String getFunctionVersion() {
        return environment.functionVersion();
    }

    @Override
    public String getInvokedFunctionArn() {
        return invocation.invokedFunctionArn();
    }

    /** Parsed on first use: most functions never ask, and parsing needs the JSON library. */
    @Override
    public synchronized CognitoIdentity getIdentity() {
        if (identity == null && invocation.cognitoIdentity() != null && !invocation.cognitoIdentity().isBlank()) {
            identity = InvocationMetadata.cognitoIdentity(invocation.cognitoIdentity());
        }
        return identity;
    }

    @Override
    public synchronized ClientContext getClientContext() {
        if (clientContext == null && invocation.clientContext() != null && !invocation.clientContext().isBlank()) {
            clientContext = InvocationMetadata.clientContext(invocation.clientContext());
        }
        return clientContext;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long remaining = invocation.deadlineMs() - System.currentTimeMillis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return environment.memoryLimitMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    @Override
    public String getXrayTraceId() {
        return invocation.traceId();
    }
}
