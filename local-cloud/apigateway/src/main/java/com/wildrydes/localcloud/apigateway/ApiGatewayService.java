package com.wildrydes.localcloud.apigateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.lambda.InvokeResult;
import com.wildrydes.localcloud.lambda.LambdaControl;
import com.wildrydes.localcloud.trace.Span;
import com.wildrydes.localcloud.trace.TraceHeaders;
import com.wildrydes.localcloud.trace.TraceRecorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * API Gateway REST APIs (v1) with Lambda proxy integrations, served on the edge endpoint.
 *
 * <p>URL scheme: {@code {edge}/restapis/{apiId}/{stage}/{path}}, for example
 * {@code http://127.0.0.1:4566/restapis/k2f9a8d1c3/Prod/ride} stands for
 * {@code https://k2f9a8d1c3.execute-api.us-east-1.amazonaws.com/Prod/ride}. Mount this handler on
 * the edge at {@link #PATH_PREFIX}.
 *
 * <p>A request is matched to the most specific resource (literal segments before {@code {param}}
 * before {@code {proxy+}}) with its method or ANY, turned into the v1 proxy event, and the
 * function's response mapped back. As in AWS: no matching route answers 403 "Missing
 * Authentication Token", a function error or malformed response 502, and an integration over
 * 29 seconds 504. Every response carries {@code x-amzn-RequestId} and {@code X-Amzn-Trace-Id}.
 */
public final class ApiGatewayService implements ApiGatewayControl, HttpHandler, AutoCloseable {

    /** Where the edge routes API calls to this service. */
    public static final String PATH_PREFIX = "/restapis/";

    /** API Gateway's maximum integration timeout for REST APIs. */
    public static final Duration DEFAULT_INTEGRATION_TIMEOUT = Duration.ofSeconds(29);

    private static final Logger LOG = Logger.getLogger(ApiGatewayService.class.getName());
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final int KEPT_TIMINGS = 1000;
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final byte[] INTERNAL_SERVER_ERROR = "{\"message\": \"Internal server error\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TIMED_OUT = "{\"message\": \"Endpoint request timed out\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MISSING_TOKEN = "{\"message\":\"Missing Authentication Token\"}".getBytes(StandardCharsets.UTF_8);

    private final LambdaControl lambda;
    private final TraceRecorder traces;
    private final Supplier<String> edgeUrl;
    private final String region;
    private final String accountId;
    private final Duration integrationTimeout;
    private final Map<String, Deployment> apis = new ConcurrentHashMap<>();
    private final Deque<RequestTiming> timings = new ArrayDeque<>();
    private final ExecutorService integrations = Executors.newVirtualThreadPerTaskExecutor();

    /** An API, its stage and its routes. */
    private record Deployment(RestApi api, List<Route> routes) {
    }

    public ApiGatewayService(LambdaControl lambda, Supplier<String> edgeUrl, String region, String accountId) {
        this(lambda, edgeUrl, region, accountId, DEFAULT_INTEGRATION_TIMEOUT);
    }

    /** @param integrationTimeout how long a function may take before the caller gets a 504 */
    public ApiGatewayService(LambdaControl lambda, Supplier<String> edgeUrl, String region, String accountId,
                             Duration integrationTimeout) {
        this(lambda, edgeUrl, region, accountId, integrationTimeout, TraceRecorder.NONE);
    }

    /** @param traces told of every API request as a span of the trace its {@code X-Amzn-Trace-Id} names */
    public ApiGatewayService(LambdaControl lambda, Supplier<String> edgeUrl, String region, String accountId,
                             Duration integrationTimeout, TraceRecorder traces) {
        this.traces = Objects.requireNonNull(traces, "traces");
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        this.edgeUrl = Objects.requireNonNull(edgeUrl, "edgeUrl");
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.integrationTimeout = Objects.requireNonNull(integrationTimeout, "integrationTimeout");
    }

    // ---- ApiGatewayControl

    @Override
    public RestApi createRestApi(String apiId, String name, String stageName) {
        String id = apiId == null || apiId.isBlank() ? newApiId() : apiId;
        if (!id.matches("[a-z0-9]{1,32}")) {
            throw AwsServiceException.badRequest("BadRequestException", "API id '" + id + "' must be lower-case letters and digits");
        }
        if (stageName == null || !stageName.matches("[A-Za-z0-9_-]{1,128}")) {
            throw AwsServiceException.badRequest("BadRequestException",
                    "Stage name '" + stageName + "' must be letters, digits, hyphens or underscores");
        }
        RestApi api = new RestApi(id, name, stageName, stripSlash(edgeUrl.get()) + PATH_PREFIX + id + "/" + stageName);
        if (apis.putIfAbsent(id, new Deployment(api, new CopyOnWriteArrayList<>())) != null) {
            throw new AwsServiceException(409, "ConflictException", "REST API " + id + " already exists");
        }
        return api;
    }

    @Override
    public void addRoute(String apiId, String httpMethod, String resourcePath, String functionName) {
        Deployment deployment = apis.get(apiId);
        if (deployment == null) {
            throw new AwsServiceException(404, "NotFoundException", "Invalid API identifier specified " + accountId + ":" + apiId);
        }
        String method = httpMethod == null ? "" : httpMethod.toUpperCase(Locale.ROOT);
        if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY").contains(method)) {
            throw AwsServiceException.badRequest("BadRequestException", "HTTP method '" + httpMethod
                    + "' is not supported; use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY");
        }
        ResourcePath resource;
        try {
            resource = ResourcePath.parse(resourcePath);
        } catch (IllegalArgumentException e) {
            throw AwsServiceException.badRequest("BadRequestException", e.getMessage());
        }
        boolean taken = deployment.routes().stream()
                .anyMatch(r -> r.httpMethod().equals(method) && r.resource().template().equals(resource.template()));
        if (taken) {
            throw new AwsServiceException(409, "ConflictException", "Method " + method + " already exists on " + resourcePath);
        }
        deployment.routes().add(new Route(method, resource, functionName, resourceId(apiId, resource.template())));
    }

    @Override
    public void deleteRestApi(String apiId) {
        apis.remove(apiId);
    }

    @Override
    public List<RestApi> apis() {
        return apis.values().stream().map(Deployment::api).sorted(Comparator.comparing(RestApi::apiId)).toList();
    }

    /** The latest requests' timings, oldest first (at most 1000). */
    public List<RequestTiming> timings() {
        synchronized (timings) {
            return List.copyOf(timings);
        }
    }

    // ---- HTTP

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Instant requestTime = Instant.now();
        String requestId = UUID.randomUUID().toString();
        String traceHeader = exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id");
        if (traceHeader == null || traceHeader.isBlank()) {
            traceHeader = TraceIds.newRoot(requestTime.getEpochSecond());
        }
        String extendedRequestId = extendedRequestId();
        Headers out = exchange.getResponseHeaders();
        out.set("x-amzn-RequestId", requestId);
        out.set("x-amz-apigw-id", extendedRequestId);
        out.set("X-Amzn-Trace-Id", traceHeader);

        String[] target = exchange.getRequestURI().getRawPath().substring(PATH_PREFIX.length()).split("/", 3);
        String apiId = target[0];
        String stage = target.length > 1 ? target[1] : "";
        String path = "/" + (target.length > 2 ? decodePath(target[2]) : "");
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Served served = serve(exchange, new Target(apiId, stage, path, method), requestId, extendedRequestId, traceHeader, requestTime);
        record(requestId, apiId, method, path, served.status(), started, served.integrationNanos());
        trace(traceHeader, apiId, method, path, served.status(), started);
    }

    /** The request as one hop of its trace: named as the caller asked for it, with the API's name beside it. */
    private void trace(String traceHeader, String apiId, String method, String path, int status, long startedNanos) {
        TraceHeaders.root(traceHeader).ifPresent(root -> {
            Deployment deployment = apis.get(apiId);
            String api = deployment == null ? apiId : deployment.api().name() + " (" + apiId + ")";
            traces.record(Span.timed(root, "API Gateway", method + " " + path, startedNanos, System.nanoTime())
                    .withStatus(Integer.toString(status), status >= 400)
                    .withDetail(api));
        });
    }

    private record Target(String apiId, String stage, String path, String method) {
    }

    private record Served(int status, long integrationNanos) {
    }

    private Served serve(HttpExchange exchange, Target target, String requestId, String extendedRequestId,
                         String traceHeader, Instant requestTime) throws IOException {
        Deployment deployment = apis.get(target.apiId());
        if (deployment == null) {
            return new Served(reply(exchange, 404, json("local-cloud has no REST API '" + target.apiId()
                    + "'; its APIs are: " + apiIds()), "NotFoundException"), 0);
        }
        if (!deployment.api().stageName().equals(target.stage())) {
            return new Served(reply(exchange, 403, json("Forbidden: REST API " + target.apiId() + " has no stage '"
                    + target.stage() + "'; its stage is " + deployment.api().stageName()), "ForbiddenException"), 0);
        }
        Optional<Match> match = match(deployment, target.method(), target.path());
        if (match.isEmpty()) {
            return new Served(reply(exchange, 403, MISSING_TOKEN, "MissingAuthenticationTokenException"), 0);
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return new Served(reply(exchange, 413, "{\"message\":\"Request Too Long\"}".getBytes(StandardCharsets.UTF_8), null), 0);
        }
        Route route = match.get().route();
        ProxyRequest request = new ProxyRequest(target.method(), target.path(), exchange.getRequestURI().getRawQuery(),
                eventHeaders(exchange, traceHeader), body, sourceIp(exchange), exchange.getProtocol());
        ProxyEvent.Context context = new ProxyEvent.Context(accountId, target.apiId(), target.stage(), route,
                match.get().pathParameters(), requestId, extendedRequestId, requestTime, host(exchange));
        byte[] event = Json.bytes(ProxyEvent.build(request, context));

        long integrationStart = System.nanoTime();
        Integration integration = integrate(route.functionName(), event, traceHeader);
        long integrationNanos = System.nanoTime() - integrationStart;
        return new Served(respond(exchange, integration, route, target.method(), target.path()), integrationNanos);
    }

    private record Match(Route route, Map<String, String> pathParameters) {
    }

    /** The most specific resource that has the method (or ANY); an exact method beats ANY on a resource. */
    private static Optional<Match> match(Deployment deployment, String method, String path) {
        List<String> segments = ResourcePath.split(path);
        Match best = null;
        for (Route route : deployment.routes()) {
            if (!route.accepts(method)) {
                continue;
            }
            Optional<Map<String, String>> parameters = route.resource().match(segments);
            if (parameters.isEmpty()) {
                continue;
            }
            if (best == null) {
                best = new Match(route, parameters.get());
                continue;
            }
            int specificity = ResourcePath.compareSpecificity(route.resource(), best.route().resource());
            boolean exactMethodBeatsAny = specificity == 0 && best.route().httpMethod().equals("ANY") && !route.httpMethod().equals("ANY");
            if (specificity > 0 || exactMethodBeatsAny) {
                best = new Match(route, parameters.get());
            }
        }
        return Optional.ofNullable(best);
    }

    private sealed interface Integration {
    }

    private record Answered(InvokeResult result) implements Integration {
    }

    private record TimedOut() implements Integration {
    }

    private record Failed(String reason) implements Integration {
    }

    /** Invokes the function, giving up after the integration timeout (the invoke itself carries on, as in AWS). */
    private Integration integrate(String functionName, byte[] event, String traceHeader) {
        CompletableFuture<InvokeResult> invoke = CompletableFuture.supplyAsync(
                () -> lambda.invoke(functionName, event, traceHeader), integrations);
        try {
            return new Answered(invoke.get(integrationTimeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return new TimedOut();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Failed(cause instanceof AwsServiceException a ? a.errorCode() + ": " + a.getMessage() : String.valueOf(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted");
        }
    }

    private int respond(HttpExchange exchange, Integration integration, Route route, String method, String path) throws IOException {
        String where = method + " " + path + " (" + route.httpMethod() + " " + route.resource().template() + " -> " + route.functionName() + ")";
        return switch (integration) {
            case TimedOut t -> {
                LOG.warning(() -> where + ": the function did not answer within " + integrationTimeout.toMillis() + " ms");
                yield reply(exchange, 504, TIMED_OUT, null);
            }
            case Failed f -> {
                LOG.warning(() -> where + ": the invoke failed: " + f.reason());
                yield reply(exchange, 500, INTERNAL_SERVER_ERROR, "InternalServerErrorException");
            }
            case Answered a when a.result().failed() -> {
                LOG.warning(() -> where + ": the function failed: " + new String(a.result().payload(), StandardCharsets.UTF_8));
                yield reply(exchange, 502, INTERNAL_SERVER_ERROR, "InternalServerErrorException");
            }
            case Answered a -> {
                ProxyResponse response;
                try {
                    response = ProxyResponse.parse(a.result().payload());
                } catch (ProxyResponse.MalformedException e) {
                    LOG.warning(() -> where + ": Execution failed due to configuration error: Malformed Lambda proxy response: " + e.getMessage());
                    yield reply(exchange, 502, INTERNAL_SERVER_ERROR, "InternalServerErrorException");
                }
                yield send(exchange, response);
            }
        };
    }

    private static int send(HttpExchange exchange, ProxyResponse response) throws IOException {
        Headers out = exchange.getResponseHeaders();
        response.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")) {
                values.forEach(value -> out.add(name, value));
            }
        });
        if (!out.containsKey("Content-Type")) {
            out.set("Content-Type", "application/json");
        }
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        EdgeServer.send(exchange, response.statusCode(), null, head ? new byte[0] : response.body(), Map.of());
        return response.statusCode();
    }

    private static int reply(HttpExchange exchange, int status, byte[] body, String errorType) throws IOException {
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        EdgeServer.send(exchange, status, "application/json", body, Map.of());
        return status;
    }

    /**
     * The headers as the event reports them: names in their usual capitalisation (the HTTP server
     * folds case), plus what API Gateway adds: X-Amzn-Trace-Id and the X-Forwarded-* trio.
     */
    private static Map<String, List<String>> eventHeaders(HttpExchange exchange, String traceHeader) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(canonical(name), new ArrayList<>(values)));
        headers.put("X-Amzn-Trace-Id", List.of(traceHeader));
        String sourceIp = sourceIp(exchange);
        List<String> forwardedFor = headers.get("X-Forwarded-For");
        headers.put("X-Forwarded-For", List.of(forwardedFor == null || forwardedFor.isEmpty()
                ? sourceIp : forwardedFor.get(forwardedFor.size() - 1) + ", " + sourceIp));
        headers.put("X-Forwarded-Port", List.of(Integer.toString(exchange.getLocalAddress().getPort())));
        headers.put("X-Forwarded-Proto", List.of("http"));
        return headers;
    }

    /** {@code content-type} or {@code Content-type} becomes {@code Content-Type}. */
    static String canonical(String name) {
        StringBuilder result = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            result.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return result.toString();
    }

    private static String sourceIp(HttpExchange exchange) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "127.0.0.1" : remote.getAddress().getHostAddress();
    }

    private static String host(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null ? "127.0.0.1:" + exchange.getLocalAddress().getPort() : host;
    }

    /** The body, or null when it is over API Gateway's 10 MB limit. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }
        return body;
    }

    private static String decodePath(String rawPath) {
        StringBuilder decoded = new StringBuilder();
        for (String segment : rawPath.split("/", -1)) {
            if (!decoded.isEmpty() || rawPath.startsWith("/")) {
                decoded.append('/');
            }
            decoded.append(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return decoded.toString();
    }

    private void record(String requestId, String apiId, String method, String path, int status, long startedNanos, long integrationNanos) {
        RequestTiming timing = new RequestTiming(requestId, apiId, method, path, status,
                (System.nanoTime() - startedNanos) / 1_000_000.0, integrationNanos / 1_000_000.0);
        synchronized (timings) {
            if (timings.size() == KEPT_TIMINGS) {
                timings.removeFirst();
            }
            timings.addLast(timing);
        }
    }

    private String apiIds() {
        return apis().isEmpty() ? "(none)" : String.join(", ", apis().stream().map(a -> a.apiId() + " (" + a.name() + ")").toList());
    }

    private static byte[] json(String message) {
        return Json.bytes(Map.of("message", message));
    }

    /** A deterministic id per resource path, 6 characters like AWS's. */
    private static String resourceId(String apiId, String template) {
        int hash = (apiId + template).hashCode();
        StringBuilder id = new StringBuilder();
        long value = Integer.toUnsignedLong(hash);
        for (int i = 0; i < 6; i++) {
            id.append(ID_ALPHABET[(int) (value % ID_ALPHABET.length)]);
            value /= ID_ALPHABET.length;
        }
        return id.toString();
    }

    private static String newApiId() {
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[ThreadLocalRandom.current().nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    /** Like AWS's: 16 base64 characters, the last one '='. */
    private static String extendedRequestId() {
        byte[] random = new byte[11];
        ThreadLocalRandom.current().nextBytes(random);
        return Base64.getEncoder().withoutPadding().encodeToString(random).substring(0, 15) + "=";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void close() {
        integrations.shutdownNow();
    }
}
