package com.wildrydes.localcloud.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.wildrydes.localcloud.LocalCloud;
import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.trace.RecentTraces;
import com.wildrydes.localcloud.trace.TraceHeaders;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * local-cloud's own site, under {@code /_localcloud/}:
 * <pre>
 *   /_localcloud/                           the console: stacks, functions, tables, topics, queues, logs, traces
 *   /_localcloud/status.json                all of it as JSON
 *   /_localcloud/functions/NAME/logs        a function's latest log lines, START, END and REPORT included
 *   /_localcloud/tables/NAME?limit=N        a table's items (100 unless limit says otherwise, at most 1000)
 *   /_localcloud/traces?limit=N             the latest traces, newest first
 *   /_localcloud/traces/ROOT                one trace, hop by hop (ROOT as in X-Amzn-Trace-Id: Root=ROOT)
 *   /_localcloud/rider/                     the rider's page, with config.json naming the stage's ride API
 * </pre>
 */
public final class Console implements HttpHandler {

    public static final String PATH = LocalCloud.CONSOLE_PATH;
    public static final String RIDER_PATH = PATH + "rider/";

    static final int DEFAULT_ITEMS = 100;
    static final int MAX_ITEMS = 1000;
    static final int DEFAULT_TRACES = 50;

    private static final String ROUTES = "/_localcloud/, status.json, functions/NAME/logs, tables/NAME, traces, traces/ROOT, rider/";
    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store", "X-Content-Type-Options", "nosniff");

    private final LocalCloud cloud;
    private final RecentTraces traces;
    private final StaticFiles consoleFiles = new StaticFiles("/com/wildrydes/localcloud/console/");
    private final StaticFiles riderFiles = new StaticFiles("/com/wildrydes/localcloud/console/rider/");

    public Console(LocalCloud cloud, RecentTraces traces) {
        this.cloud = Objects.requireNonNull(cloud, "cloud");
        this.traces = Objects.requireNonNull(traces, "traces");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            EdgeServer.send(exchange, 405, "application/json", error("the console is read-only: use GET, not " + method),
                    Map.of("Allow", "GET, HEAD"));
            return;
        }
        String path = exchange.getRequestURI().getPath().substring(PATH.length());
        String query = exchange.getRequestURI().getQuery();
        List<String> parts = List.of(path.split("/", -1));
        switch (parts.getFirst()) {
            case "", "index.html" -> file(exchange, parts.size() == 1 ? consoleFiles.file("console.html") : Optional.empty());
            case "console.js", "console.css" -> file(exchange, parts.size() == 1 ? consoleFiles.file(parts.getFirst()) : Optional.empty());
            case "status.json" -> json(exchange, 200, StatusJson.of(cloud));
            case "functions" -> functionLogs(exchange, parts);
            case "tables" -> tableItems(exchange, parts, query);
            case "traces" -> traces(exchange, parts, query);
            case "rider" -> rider(exchange, parts);
            default -> notFound(exchange);
        }
    }

    private void functionLogs(HttpExchange exchange, List<String> parts) throws IOException {
        if (parts.size() != 3 || !parts.get(2).equals("logs")) {
            notFound(exchange);
            return;
        }
        String name = parts.get(1);
        if (cloud.lambda().function(name).isEmpty()) {
            json(exchange, 404, message("no function " + name + "; the functions are: " + names(cloud.lambda().functions().stream()
                    .map(f -> f.functionName()).toList())));
            return;
        }
        ObjectNode logs = Json.object();
        logs.put("function", name);
        ArrayNode lines = logs.putArray("lines");
        cloud.lambda().recentLogs(name).forEach(lines::add);
        json(exchange, 200, logs);
    }

    private void tableItems(HttpExchange exchange, List<String> parts, String query) throws IOException {
        if (parts.size() != 2 || parts.get(1).isEmpty()) {
            notFound(exchange);
            return;
        }
        String table = parts.get(1);
        if (!cloud.dynamodb().tableNames().contains(table)) {
            json(exchange, 404, message("no table " + table + "; the tables are: " + names(cloud.dynamodb().tableNames())));
            return;
        }
        Optional<Integer> limit = limit(exchange, query, DEFAULT_ITEMS, MAX_ITEMS);
        if (limit.isEmpty()) {
            return;
        }
        ObjectNode items = Json.object();
        items.put("table", table);
        items.put("itemCount", cloud.dynamodb().itemCount(table));
        items.set("items", Json.MAPPER.valueToTree(cloud.dynamodb().items(table, limit.get())));
        json(exchange, 200, items);
    }

    private void traces(HttpExchange exchange, List<String> parts, String query) throws IOException {
        if (parts.size() == 1 || parts.size() == 2 && parts.get(1).isEmpty()) {
            Optional<Integer> limit = limit(exchange, query, DEFAULT_TRACES, RecentTraces.DEFAULT_MAX_TRACES);
            if (limit.isPresent()) {
                json(exchange, 200, TraceJson.list(traces.latest(limit.get())));
            }
            return;
        }
        String root = parts.get(1);
        if (parts.size() != 2 || !TraceHeaders.isRootId(root)) {
            json(exchange, 400, message("'" + String.join("/", parts.subList(1, parts.size()))
                    + "' is not a trace id; a trace id is the Root of an X-Amzn-Trace-Id header, like 1-6763a2f1-0123456789abcdef01234567"));
            return;
        }
        var trace = traces.trace(root);
        if (trace.isEmpty()) {
            json(exchange, 404, message("no trace " + root + " (yet): local-cloud keeps the latest "
                    + RecentTraces.DEFAULT_MAX_TRACES + " traces, and a hop is recorded when it ends"));
            return;
        }
        json(exchange, 200, TraceJson.trace(trace.get()));
    }

    private void rider(HttpExchange exchange, List<String> parts) throws IOException {
        if (parts.size() == 1) {
            // The page loads its files relative to its own URL, which must end in a slash.
            EdgeServer.send(exchange, 301, null, null, Map.of("Location", RIDER_PATH));
            return;
        }
        if (parts.size() != 2) {
            notFound(exchange);
            return;
        }
        String name = parts.get(1).isEmpty() ? "index.html" : parts.get(1);
        if (name.equals("config.json")) {
            json(exchange, 200, RiderConfig.of(cloud));
            return;
        }
        file(exchange, riderFiles.file(name));
    }

    private void file(HttpExchange exchange, Optional<StaticFiles.File> file) throws IOException {
        if (file.isEmpty()) {
            notFound(exchange);
            return;
        }
        byte[] body = exchange.getRequestMethod().equals("HEAD") ? null : file.get().content();
        EdgeServer.send(exchange, 200, file.get().contentType(), body, NO_STORE);
    }

    /** The {@code limit} query parameter, or the default; answers 400 itself and returns empty when it is bad. */
    private static Optional<Integer> limit(HttpExchange exchange, String query, int byDefault, int max) throws IOException {
        String value = null;
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("limit=")) {
                    value = pair.substring("limit=".length());
                }
            }
        }
        if (value == null) {
            return Optional.of(byDefault);
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return Optional.of(limit);
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        json(exchange, 400, message("limit must be a whole number from 1 to " + max + ", not '" + value + "'"));
        return Optional.empty();
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        json(exchange, 404, message("no such page " + exchange.getRequestURI().getPath() + "; the console serves " + ROUTES));
    }

    private static void json(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        EdgeServer.send(exchange, status, "application/json", exchange.getRequestMethod().equals("HEAD") ? null : Json.bytes(body), NO_STORE);
    }

    private static ObjectNode message(String text) {
        ObjectNode body = Json.object();
        body.put("message", text);
        return body;
    }

    private static byte[] error(String text) {
        return Json.bytes(message(text));
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
