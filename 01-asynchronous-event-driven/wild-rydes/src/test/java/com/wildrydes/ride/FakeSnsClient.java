package com.wildrydes.ride;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/** An SnsClient that keeps every publish request, and accepts it or fails the way it is told to. */
final class FakeSnsClient implements SnsClient {

    private final List<PublishRequest> published = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    FakeSnsClient failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    List<PublishRequest> published() {
        return List.copyOf(published);
    }

    @Override
    public PublishResponse publish(PublishRequest request) {
        published.add(request);
        if (failure != null) {
            throw failure;
        }
        return PublishResponse.builder().messageId("567910cd-659e-55d4-8ccb-5aaf14679dc0").build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
