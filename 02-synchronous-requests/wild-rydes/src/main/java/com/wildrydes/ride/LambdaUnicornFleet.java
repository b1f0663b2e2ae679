package com.wildrydes.ride;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The fleet reached directly: a synchronous Lambda Invoke of its RequestUnicornInvoke function, whose payload is
 * one Unicorn. With no API Gateway in between, this adapter does what the HTTP call got for free: it bounds the
 * wait with its own timeouts, and it reads a failure from the response's FunctionError, because Invoke answers
 * 200 whether the function succeeded or not.
 */
final class LambdaUnicornFleet implements UnicornFleet {

    /** A cold fleet function needs seconds to start; a warm one answers in milliseconds. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(6);

    private static final String SERVICE = "The unicorn fleet";
    /** RequestUnicornInvoke asks nothing of its input yet; an object leaves room to ask later. */
    private static final SdkBytes REQUEST = SdkBytes.fromUtf8String("{}");
    /** The fleet's errors that mean "no unicorn now" rather than "the fleet is broken". */
    private static final Set<String> UNAVAILABLE = Set.of("NoUnicornAvailableException", "FleetUnavailableException");
    private static final String FUNCTION_TIMED_OUT = "Sandbox.Timedout";
    private static final int MAX_REASON_LENGTH = 200;

    private final LambdaClient lambda;
    private final String functionArn;
    private final Duration callTimeout;

    /** @param callTimeout the client's API call timeout, named when it runs out */
    LambdaUnicornFleet(LambdaClient lambda, String functionArn, Duration callTimeout) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        this.functionArn = Objects.requireNonNull(functionArn, "functionArn");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /** The client the function uses: one per execution environment, with this adapter's timeouts. */
    static LambdaClient client(Region region) {
        return client(region, ATTEMPT_TIMEOUT, CALL_TIMEOUT);
    }

    static LambdaClient client(Region region, Duration attemptTimeout, Duration callTimeout) {
        return LambdaClient.builder()
                .region(region)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> config
                        .apiCallAttemptTimeout(attemptTimeout)
                        .apiCallTimeout(callTimeout))
                .build();
    }

    @Override
    public Unicorn requestUnicorn() {
        InvokeResponse response;
        try {
            response = lambda.invoke(InvokeRequest.builder()
                    .functionName(functionArn)
                    .invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(REQUEST)
                    .build());
        } catch (SdkException e) {
            throw SdkCallFailures.downstream(SERVICE, callTimeout, e);
        }
        String payload = response.payload() == null ? "" : response.payload().asUtf8String();
        if (response.functionError() != null) {
            throw failed(response.functionError(), FunctionError.parse(payload));
        }
        if (response.statusCode() == null || response.statusCode() != 200) {
            throw new DownstreamException(DownstreamFailure.BAD_RESPONSE,
                    SERVICE + " answered the invoke with status " + response.statusCode() + " instead of 200");
        }
        try {
            return JsonCodec.toUnicorn(payload);
        } catch (IllegalArgumentException e) {
            throw new DownstreamException(DownstreamFailure.BAD_RESPONSE,
                    SERVICE + " answered with something that is not a Unicorn: " + e.getMessage(), e);
        }
    }

    private static DownstreamException failed(String functionError, FunctionError error) {
        if (UNAVAILABLE.contains(error.simpleType())) {
            // The fleet's own sentence, written for this: it is passed on, but never at any length.
            return new DownstreamException(DownstreamFailure.UNAVAILABLE,
                    SERVICE + " is unavailable (" + error.simpleType() + ": " + abbreviated(error.message()) + ")");
        }
        if (error.type().equals(FUNCTION_TIMED_OUT)) {
            return new DownstreamException(DownstreamFailure.TIMEOUT,
                    SERVICE + " did not finish in time: its function timed out");
        }
        // A bug or a misconfiguration on the fleet's side; its message stays in the fleet's log.
        return new DownstreamException(DownstreamFailure.BAD_RESPONSE,
                SERVICE + " failed (" + functionError + " " + error.simpleType() + ")");
    }

    private static String abbreviated(String message) {
        return message.length() <= MAX_REASON_LENGTH ? message : message.substring(0, MAX_REASON_LENGTH) + "...";
    }
}
