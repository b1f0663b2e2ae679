package com.wildrydes.localcloud.sqs;

import com.wildrydes.localcloud.lambda.DeadLetterSink;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda's dead-letter queue delivery: an asynchronous event that exhausted its retries becomes a
 * message whose body is the event, with the String attributes {@code RequestID}, {@code ErrorCode}
 * and {@code ErrorMessage}.
 */
public final class SqsDeadLetterSink implements DeadLetterSink {

    private final SqsService sqs;

    public SqsDeadLetterSink(SqsService sqs) {
        this.sqs = sqs;
    }

    /** @throws SqsError if {@code targetArn} names no queue, which Lambda reports as a dead-letter error */
    @Override
    public void send(String targetArn, byte[] event, Map<String, String> attributes) {
        if (targetArn == null || !targetArn.startsWith("arn:aws:sqs:")) {
            throw new IllegalArgumentException("not an SQS queue ARN: " + targetArn);
        }
        Map<String, MessageAttributeValue> messageAttributes = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                messageAttributes.put(name, MessageAttributeValue.string(value));
            }
        });
        sqs.sendMessage(targetArn, new String(event, StandardCharsets.UTF_8), messageAttributes);
    }
}
