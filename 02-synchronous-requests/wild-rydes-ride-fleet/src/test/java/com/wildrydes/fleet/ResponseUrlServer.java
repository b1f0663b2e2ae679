package com.wildrydes.fleet;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the pre-signed S3 URL CloudFormation hands out, recording every request it gets. */
final class ResponseUrlServer implements AutoCloseable {

    record Received(String method, String pathAndQuery, Headers headers, String body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final HttpServer server;

    private ResponseUrlServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(), body));
            var status = statuses.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    static ResponseUrlServer start() {
        return new ResponseUrlServer();
    }

    /** The statuses to answer with, in order; 200 once they run out. */
    ResponseUrlServer answering(Integer... statuses) {
        this.statuses.addAll(List.of(statuses));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort()
                + "/cfn-response/SeedUnicorns?X-Amz-SignedHeaders=host&X-Amz-Signature=0f1e2d3c";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
