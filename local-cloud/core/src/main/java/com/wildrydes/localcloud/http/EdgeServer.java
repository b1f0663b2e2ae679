package com.wildrydes.localcloud.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * The one endpoint on 127.0.0.1 that serves every AWS API, like an edge port.
 *
 * <p>A SigV4-signed request goes to the service its credential scope names. Anything else goes to
 * a local route by path prefix (API Gateway's {@code /restapis/...}, the console under
 * {@code /_localcloud/...}); an unsigned request that matches no route is refused as AWS refuses it.
 */
public final class EdgeServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EdgeServer.class.getName());

    private final Map<String, AwsService> services = new ConcurrentHashMap<>();
    private final List<Map.Entry<String, HttpHandler>> routes = new CopyOnWriteArrayList<>();
    private final List<AwsCallObserver> observers = new CopyOnWriteArrayList<>();
    private volatile AwsCallAuthorizer authorizer = AwsCallAuthorizer.ALLOW_ALL;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private EdgeServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Binds the endpoint. Port 0 picks a free port. A host other than loopback exposes an
     * unauthenticated AWS to the network, so it is allowed but warned about.
     */
    public static EdgeServer start(String host, int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (!address.getAddress().isLoopbackAddress()) {
            LOG.warning("local-cloud is listening on " + host + ", beyond loopback: anyone who can reach it can call its APIs");
        }
        HttpServer http = HttpServer.create(address, 256);
        EdgeServer edge = new EdgeServer(http);
        http.createContext("/", edge::serve);
        http.setExecutor(edge.executor);
        http.start();
        return edge;
    }

    public void register(AwsService service) {
        services.put(service.signingName(), service);
    }

    /** Every AWS call passes the authorizer before its service sees it; the default allows all. */
    public void authorizer(AwsCallAuthorizer newAuthorizer) {
        this.authorizer = java.util.Objects.requireNonNull(newAuthorizer, "authorizer");
    }

    public void observe(AwsCallObserver observer) {
        observers.add(observer);
    }

    /** Routes unsigned requests whose path starts with {@code prefix} to {@code handler}; longest prefix wins. */
    public void route(String prefix, HttpHandler handler) {
        routes.add(Map.entry(prefix, handler));
        routes.sort(Comparator.comparingInt((Map.Entry<String, HttpHandler> e) -> e.getKey().length()).reversed());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}, the value for {@code AWS_ENDPOINT_URL} and {@code --endpoint-url}. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Optional<SigV4Scope> scope = SigV4Scope.from(auth, rawQuery);
            if (scope.isPresent()) {
                serveAws(exchange, scope.get());
                return;
            }
            String path = exchange.getRequestURI().getPath();
            for (Map.Entry<String, HttpHandler> route : routes) {
                if (path.startsWith(route.getKey())) {
                    route.getValue().handle(exchange);
                    return;
                }
            }
            send(exchange, 403, "application/json",
                    "{\"message\":\"Missing Authentication Token\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(java.util.logging.Level.SEVERE, "local-cloud failed to serve " + exchange.getRequestURI(), e);
            sendQuietly(exchange, 500, "{\"message\":\"local-cloud internal error: " + e.getClass().getSimpleName() + "\"}");
        }
    }

    private void serveAws(HttpExchange exchange, SigV4Scope scope) throws IOException {
        AwsService service = services.get(scope.service());
        if (service == null) {
            send(exchange, 400, "application/json", ("{\"__type\":\"UnsupportedService\",\"message\":\"local-cloud does not serve the AWS service '"
                    + scope.service() + "'; it serves: " + String.join(", ", new TreeSet<>(services.keySet())) + "\"}")
                    .getBytes(StandardCharsets.UTF_8), Map.of());
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        AwsRequest request = new AwsRequest(scope.service(), scope.region(), scope.accessKeyId(),
                exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
        long start = System.nanoTime();
        AwsResponse response = authorizer.refuse(request).orElseGet(() -> service.handle(request));
        long end = System.nanoTime();
        for (AwsCallObserver observer : observers) {
            try {
                observer.served(request, response, start, end);
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "an observer of AWS calls failed", e);
            }
        }
        String contentType = response.headers().getOrDefault("Content-Type", "application/json");
        send(exchange, response.status(), contentType, response.body(), response.headers());
    }

    /** Writes a whole response; used by local routes too. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body,
                            Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Length")) {
                exchange.getResponseHeaders().set(k, v);
            }
        });
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean empty = body == null || body.length == 0;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sendQuietly(HttpExchange exchange, int status, String json) {
        try {
            send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
        } catch (IOException | RuntimeException ignored) {
            // the response was already started; nothing more can be said to this client
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
