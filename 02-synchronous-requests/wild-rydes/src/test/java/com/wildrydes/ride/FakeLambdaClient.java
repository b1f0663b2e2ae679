package com.wildrydes.ride;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** A LambdaClient that keeps every invoke request and answers with a prepared response, or fails as told. */
final class FakeLambdaClient implements LambdaClient {

    private final List<InvokeRequest> invoked = new CopyOnWriteArrayList<>();
    private volatile InvokeResponse response;
    private volatile RuntimeException failure;

    /** Answers 200 with this payload, as Invoke does for a function that returned. */
    FakeLambdaClient returning(String payload) {
        return answering(InvokeResponse.builder().statusCode(200).executedVersion("3")
                .payload(SdkBytes.fromUtf8String(payload)).build());
    }

    /** Answers 200 with FunctionError set and this error document, as Invoke does for a function that threw. */
    FakeLambdaClient failingInTheFunction(String functionError, String errorDocument) {
        return answering(InvokeResponse.builder().statusCode(200).executedVersion("3").functionError(functionError)
                .payload(SdkBytes.fromUtf8String(errorDocument)).build());
    }

    FakeLambdaClient answering(InvokeResponse response) {
        this.response = response;
        return this;
    }

    FakeLambdaClient failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    List<InvokeRequest> invoked() {
        return List.copyOf(invoked);
    }

    @Override
    public InvokeResponse invoke(InvokeRequest request) {
        invoked.add(request);
        if (failure != null) {
            throw failure;
        }
        return response;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
