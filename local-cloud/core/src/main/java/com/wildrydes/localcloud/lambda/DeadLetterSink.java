package com.wildrydes.localcloud.lambda;

import java.util.Map;

/**
 * Where Lambda sends an asynchronous event whose retries are exhausted, as AWS does to a
 * dead-letter queue: the original event as the body, with the attributes {@code RequestID},
 * {@code ErrorCode} and {@code ErrorMessage}.
 */
@FunctionalInterface
public interface DeadLetterSink {

    void send(String targetArn, byte[] event, Map<String, String> attributes);
}
