package com.wildrydes.localcloud.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.runtime.RuntimeProtocol;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One instance's Lambda Runtime API on 127.0.0.1: {@code GET /invocation/next},
 * {@code POST /invocation/{id}/response}, {@code POST /invocation/{id}/error} and
 * {@code POST /init/error}, with the status codes and bodies AWS documents.
 *
 * <p>Requests are served on the server's own dispatcher thread rather than handed to an
 * executor: a runtime makes one call at a time, so the extra thread hop would only add latency
 * to every invocation. {@code /invocation/next} blocks that thread until there is work, so the
 * instance must {@linkplain FunctionInstance#kill() release it} before the server stops.
 */
final class RuntimeApiServer {

    /** AWS's limit for a synchronous response: 6 MB plus a little framing. */
    static final int MAX_RESPONSE_BYTES = 6_291_556;

    private final FunctionInstance instance;
    private final HttpServer server;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private RuntimeApiServer(FunctionInstance instance, HttpServer server) {
        this.instance = instance;
        this.server = server;
    }

    static RuntimeApiServer start(FunctionInstance instance) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        RuntimeApiServer api = new RuntimeApiServer(instance, http);
        http.createContext("/", api::serve);
        http.start();
        return api;
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stops serving; a runtime waiting in {@code /invocation/next} sees its connection close. */
    void stop() {
        if (stopped.compareAndSet(false, true)) {
            server.stop(0);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (!path.startsWith(RuntimeProtocol.BASE_PATH + "/")) {
                reply(exchange, 404, error("Unknown resource " + path, "InvalidRequest"));
                return;
            }
            String route = path.substring(RuntimeProtocol.BASE_PATH.length());
            if (method.equals("GET") && route.equals("/invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && route.equals("/init/error")) {
                byte[] body = exchange.getRequestBody().readNBytes(MAX_RESPONSE_BYTES);
                instance.initFailed(body);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && route.startsWith("/invocation/")
                    && (route.endsWith("/response") || route.endsWith("/error"))) {
                post(exchange, route);
            } else {
                reply(exchange, 404, error("Unknown resource " + method + " " + path, "InvalidRequest"));
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        PendingInvocation invocation;
        try {
            invocation = instance.nextInvocation();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return;
        }
        if (invocation == null) {
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMs()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.invokedFunctionArn);
        headers.set("Lambda-Runtime-Trace-Id", invocation.traceHeader);
        if (invocation.clientContext != null) {
            headers.set("Lambda-Runtime-Client-Context", invocation.clientContext);
        }
        if (invocation.fault != null) {
            headers.set(RuntimeProtocol.FAULT_HEADER, invocation.fault.toHeader());
        }
        exchange.sendResponseHeaders(200, invocation.payload.length == 0 ? -1 : invocation.payload.length);
        if (invocation.payload.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(invocation.payload);
            }
        }
    }

    private void post(HttpExchange exchange, String route) throws IOException {
        String requestId = route.substring("/invocation/".length(), route.lastIndexOf('/'));
        boolean success = route.endsWith("/response");
        byte[] body = exchange.getRequestBody().readNBytes(MAX_RESPONSE_BYTES + 1);
        if (body.length > MAX_RESPONSE_BYTES) {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            instance.complete(requestId, new InvocationOutcome.FunctionFailure(error(
                    "Response payload size exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).",
                    "Function.ResponseSizeTooLarge").getBytes(StandardCharsets.UTF_8)));
            reply(exchange, 413, error("Exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).",
                    "RequestEntityTooLarge"));
            return;
        }
        InvocationOutcome outcome = success
                ? new InvocationOutcome.Success(body)
                : new InvocationOutcome.FunctionFailure(body.length == 0 ? error("Unknown error", "Unhandled").getBytes(StandardCharsets.UTF_8) : body);
        if (!instance.complete(requestId, outcome)) {
            reply(exchange, 400, error("Invalid request ID", "InvalidRequestID"));
            return;
        }
        reply(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static String error(String message, String type) {
        return "{\"errorMessage\":" + Json.text(message) + ",\"errorType\":\"" + type + "\"}";
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
