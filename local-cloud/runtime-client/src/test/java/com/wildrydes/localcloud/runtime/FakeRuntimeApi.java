package com.wildrydes.localcloud.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A Runtime API that hands out queued events and records what the runtime posts back. */
final class FakeRuntimeApi implements AutoCloseable {

    /** What the runtime posted: {@code response}, {@code error} or {@code init-error}. */
    record Posted(String kind, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Event(String requestId, Map<String, String> headers, byte[] payload) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Posted>> posted = new ConcurrentHashMap<>();
    private final CompletableFuture<Posted> initError = new CompletableFuture<>();
    private volatile boolean chunked;
    private volatile boolean closed;

    private FakeRuntimeApi(HttpServer server) {
        this.server = server;
    }

    static FakeRuntimeApi start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        FakeRuntimeApi api = new FakeRuntimeApi(http);
        http.createContext(RuntimeProtocol.BASE_PATH + "/", api::serve);
        http.setExecutor(api.executor);
        http.start();
        return api;
    }

    String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code /next} with chunked bodies instead of a Content-Length. */
    void useChunkedEncoding() {
        chunked = true;
    }

    void enqueue(String requestId, String payload, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
        all.putIfAbsent("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:000000000000:function:test-fn");
        events.add(new Event(requestId, all, payload.getBytes(StandardCharsets.UTF_8)));
    }

    void enqueue(String requestId, String payload) {
        enqueue(requestId, payload, Map.of());
    }

    Posted result(String requestId) throws Exception {
        return slot(requestId).get(10, TimeUnit.SECONDS);
    }

    Posted initError() throws Exception {
        return initError.get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<Posted> slot(String requestId) {
        return posted.computeIfAbsent(requestId, id -> new CompletableFuture<>());
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(RuntimeProtocol.BASE_PATH.length());
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("/invocation/next")) {
                Event event = null;
                while (event == null && !closed) {
                    try {
                        event = events.poll(100, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (event == null) {
                    return;
                }
                exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", event.requestId());
                event.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                exchange.sendResponseHeaders(200, chunked ? 0 : event.payload().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(event.payload());
                }
                return;
            }
            if (path.equals("/init/error")) {
                initError.complete(new Posted("init-error", headers, body));
            } else if (path.startsWith("/invocation/") && path.endsWith("/response")) {
                slot(path.split("/")[2]).complete(new Posted("response", headers, body));
            } else if (path.startsWith("/invocation/") && path.endsWith("/error")) {
                slot(path.split("/")[2]).complete(new Posted("error", headers, body));
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] accepted = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, accepted.length);
            exchange.getResponseBody().write(accepted);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
