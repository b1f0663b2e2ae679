package com.wildrydes.ride;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * JSON over HTTP to this service's neighbours. Every way such a call can go wrong becomes a
 * {@link DownstreamException} whose kind decides what the rider is told; a successful call returns the body.
 *
 * <p>The JDK client keeps the function artifact small and starts fast; one instance (one connection pool) serves
 * every invocation of an execution environment.
 */
final class JsonHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(4);
    private static final int MAX_REASON_LENGTH = 200;

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Supplier<Optional<String>> traceHeader;

    JsonHttp() {
        this(CONNECT_TIMEOUT, REQUEST_TIMEOUT, TraceHeader::current);
    }

    JsonHttp(Duration connectTimeout, Duration requestTimeout, Supplier<Optional<String>> traceHeader) {
        this.client = HttpClient.newBuilder()
                // HTTP/2 buys nothing for one small exchange, and on a plain-http endpoint (local runs) the client
                // would otherwise try an h2c upgrade on every new connection.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.traceHeader = Objects.requireNonNull(traceHeader, "traceHeader");
    }

    /** GETs a JSON resource. {@code service} names the neighbour in messages, e.g. "The unicorn fleet". */
    String get(URI uri, String service) {
        return exchange(request(uri).GET().build(), service);
    }

    /** POSTs a JSON document and returns the answer's body. */
    String post(URI uri, String json, String service) {
        HttpRequest request = request(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return exchange(request, service);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        traceHeader.get().ifPresent(trace -> builder.header(TraceHeader.NAME, trace));
        return builder;
    }

    private String exchange(HttpRequest request, String service) {
        CompletableFuture<HttpResponse<String>> pending =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            // The request's own timeout stops counting once the status line arrives; this deadline also bounds
            // a body that never finishes.
            response = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timeout(service, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new DownstreamException(DownstreamFailure.UNAVAILABLE,
                    service + " could not be reached: the call was interrupted", e);
        } catch (ExecutionException e) {
            throw failure(service, unwrap(e.getCause()));
        }
        return successfulBody(response, service);
    }

    private RuntimeException failure(String service, Throwable cause) {
        // HttpConnectTimeoutException is an HttpTimeoutException: either way, no answer came in time.
        if (cause instanceof HttpTimeoutException) {
            return timeout(service, cause);
        }
        if (cause instanceof ConnectException) {
            // Refused, or the host name did not resolve: nothing reached the service, so a retry is safe.
            return new DownstreamException(DownstreamFailure.UNAVAILABLE,
                    service + " is unavailable: it could not be connected to", cause);
        }
        if (cause instanceof IOException) {
            return new DownstreamException(DownstreamFailure.BAD_RESPONSE,
                    service + " broke off the exchange before a complete answer", cause);
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    private DownstreamException timeout(String service, Throwable cause) {
        return new DownstreamException(DownstreamFailure.TIMEOUT,
                service + " did not answer within " + requestTimeout.toMillis() + " ms", cause);
    }

    private static String successfulBody(HttpResponse<String> response, String service) {
        int status = response.statusCode();
        if (status >= 200 && status <= 299) {
            return response.body();
        }
        String reason = JsonCodec.errorMessage(response.body())
                .map(message -> ": " + abbreviate(message))
                .orElse("");
        if (status == 503) {
            throw new DownstreamException(DownstreamFailure.UNAVAILABLE,
                    service + " is unavailable (HTTP 503" + reason + ")");
        }
        throw new DownstreamException(DownstreamFailure.BAD_RESPONSE, service + " answered HTTP " + status + reason);
    }

    /** A neighbour's explanation is passed on to the rider, but never at any length. */
    private static String abbreviate(String message) {
        return message.length() <= MAX_REASON_LENGTH ? message : message.substring(0, MAX_REASON_LENGTH) + "...";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
