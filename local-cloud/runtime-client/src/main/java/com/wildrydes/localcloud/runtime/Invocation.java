package com.wildrydes.localcloud.runtime;

/**
 * One event handed out by {@code /invocation/next}, with the headers the Runtime API defines.
 *
 * @param deadlineMs      epoch milliseconds at which the invocation times out
 * @param traceId         {@code Lambda-Runtime-Trace-Id}, or null
 * @param clientContext   {@code Lambda-Runtime-Client-Context} (JSON), or null
 * @param cognitoIdentity {@code Lambda-Runtime-Cognito-Identity} (JSON), or null
 * @param fault           a fault to act out (local-cloud's own header), or null
 */
record Invocation(
        String requestId,
        long deadlineMs,
        String invokedFunctionArn,
        String traceId,
        String clientContext,
        String cognitoIdentity,
        InjectedFault fault,
        byte[] payload) {
}
