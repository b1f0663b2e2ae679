package com.wildrydes.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Delivers the custom resource response by PUT to the pre-signed ResponseURL. It sends no Content-Type: the URL
 * is signed without one and S3 refuses a request whose headers differ from what was signed.
 */
public final class CustomResourceResponder {

    private static final int ATTEMPTS = 3;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final Duration backoff;

    private CustomResourceResponder(HttpClient http, Duration backoff) {
        this.http = http;
        this.backoff = backoff;
    }

    public static CustomResourceResponder create() {
        return withBackoff(Duration.ofMillis(500));
    }

    /** Waits {@code backoff} after the first failed attempt, twice that after the second, and so on. */
    public static CustomResourceResponder withBackoff(Duration backoff) {
        var http = HttpClient.newBuilder()
                // Plain HTTP/1.1: no h2c upgrade headers for a plain-HTTP ResponseURL to trip over.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        return new CustomResourceResponder(http, backoff);
    }

    /**
     * Tries a few times, because a lost response leaves CloudFormation waiting an hour for the resource. When
     * every attempt fails it throws, so the invocation fails and Lambda's retry of the event gets another chance.
     */
    public void send(String responseUrl, CustomResourceResponse response) {
        var put = HttpRequest.newBuilder(URI.create(responseUrl))
                .timeout(REQUEST_TIMEOUT)
                .PUT(HttpRequest.BodyPublishers.ofString(response.toJson()))
                .build();
        String lastProblem = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                var answer = http.send(put, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    return;
                }
                lastProblem = "HTTP " + answer.statusCode() + " " + answer.body();
            } catch (IOException unreachable) {
                lastProblem = unreachable.toString();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reporting to CloudFormation", interrupted);
            }
            if (attempt < ATTEMPTS) {
                pause(backoff.multipliedBy(attempt));
            }
        }
        throw new IllegalStateException("Could not report " + response.status() + " to CloudFormation after "
                + ATTEMPTS + " attempts; last problem: " + lastProblem);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reporting to CloudFormation", interrupted);
        }
    }
}
