package com.wildrydes.localcloud.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The Lambda Runtime API as AWS documents it, seen from the runtime. */
final class RuntimeApi implements Closeable {

    private final RuntimeHttpClient http;

    /** @param endpoint {@code AWS_LAMBDA_RUNTIME_API}, e.g. {@code 127.0.0.1:9001} */
    RuntimeApi(String endpoint) {
        this.http = new RuntimeHttpClient(endpoint);
    }

    /** Blocks until Lambda hands out the next event. */
    Invocation next() throws IOException {
        RuntimeHttpClient.Response response = http.get(RuntimeProtocol.BASE_PATH + "/invocation/next");
        if (response.status() != 200) {
            throw new IOException("GET /invocation/next answered " + response.status() + ": " + text(response));
        }
        String requestId = response.header("Lambda-Runtime-Aws-Request-Id");
        if (requestId == null) {
            throw new IOException("GET /invocation/next answered without Lambda-Runtime-Aws-Request-Id");
        }
        String deadline = response.header("Lambda-Runtime-Deadline-Ms");
        String fault = response.header(RuntimeProtocol.FAULT_HEADER);
        return new Invocation(
                requestId,
                deadline == null ? Long.MAX_VALUE : Long.parseLong(deadline),
                response.header("Lambda-Runtime-Invoked-Function-Arn"),
                response.header("Lambda-Runtime-Trace-Id"),
                response.header("Lambda-Runtime-Client-Context"),
                response.header("Lambda-Runtime-Cognito-Identity"),
                fault == null ? null : InjectedFault.parse(fault),
                response.body());
    }

    void respond(String requestId, byte[] payload) throws IOException {
        expectAccepted(http.post(invocationPath(requestId) + "/response", Map.of(), payload), "response");
    }

    void reportInvocationError(String requestId, ErrorDocument error) throws IOException {
        expectAccepted(http.post(invocationPath(requestId) + "/error", errorHeaders(error), error.toJson()), "error");
    }

    void reportInitError(ErrorDocument error) throws IOException {
        expectAccepted(http.post(RuntimeProtocol.BASE_PATH + "/init/error", errorHeaders(error), error.toJson()), "init error");
    }

    private static String invocationPath(String requestId) {
        return RuntimeProtocol.BASE_PATH + "/invocation/" + requestId;
    }

    private static Map<String, String> errorHeaders(ErrorDocument error) {
        return Map.of("Lambda-Runtime-Function-Error-Type", error.errorType(), "Content-Type", "application/json");
    }

    private static void expectAccepted(RuntimeHttpClient.Response response, String what) throws IOException {
        if (response.status() != 202) {
            throw new IOException("the Runtime API refused the " + what + " with " + response.status() + ": " + text(response));
        }
    }

    private static String text(RuntimeHttpClient.Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
