package com.wildrydes.localcloud.http;

/** Told of every AWS call the edge served, after the response is ready (tracing, metrics, the console). */
@FunctionalInterface
public interface AwsCallObserver {

    void served(AwsRequest request, AwsResponse response, long startNanos, long endNanos);
}
