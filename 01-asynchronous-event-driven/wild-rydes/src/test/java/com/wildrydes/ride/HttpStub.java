package com.wildrydes.ride;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A neighbour service on 127.0.0.1 and an ephemeral port: records what it receives and answers as scripted.
 * Stalled answers are released when the stub closes, so no test leaves a thread behind.
 */
final class HttpStub implements AutoCloseable {

    /** What arrived, with header names lower-cased (the JDK server capitalises them its own way). */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }
    }

    @FunctionalInterface
    interface Answer {
        void answer(HttpExchange exchange, CountDownLatch released) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Answer answer = (exchange, released) -> send(exchange, 200, "application/json", "{}");

    private HttpStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static HttpStub start() {
        try {
            return new HttpStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers every request with this status and JSON body. */
    HttpStub answering(int status, String body) {
        return answering(status, "application/json", body);
    }

    /** Answers every request with this status, content type and body: an AWS query API answers in XML. */
    HttpStub answering(int status, String contentType, String body) {
        answer = (exchange, released) -> send(exchange, status, contentType, body);
        return this;
    }

    /** Never answers until the stub closes. */
    HttpStub stalling() {
        answer = (exchange, released) -> released.await(10, TimeUnit.SECONDS);
        return this;
    }

    /** Sends the status line and part of the body, then stalls until the stub closes. */
    HttpStub stallingMidBody() {
        answer = (exchange, released) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"Name\":".getBytes(StandardCharsets.UTF_8));
            out.flush();
            released.await(10, TimeUnit.SECONDS);
        };
        return this;
    }

    /** The next request that arrived, waiting a bounded time for it. */
    Received takeRequest() throws InterruptedException {
        Received request = received.poll(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request reached the stub within 5 s");
        }
        return request;
    }

    int requestCount() {
        return received.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(headers), body));
            answer.answer(exchange, released);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length); // -1: no body
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
