package com.wildrydes.localcloud.sns;

import com.wildrydes.localcloud.lambda.DeadLetterSink;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda's dead-letter delivery to a topic: the failed event is published as the message, with the
 * String attributes {@code RequestID}, {@code ErrorCode} and {@code ErrorMessage}.
 */
public final class SnsDeadLetterSink implements DeadLetterSink {

    private final SnsService sns;

    public SnsDeadLetterSink(SnsService sns) {
        this.sns = sns;
    }

    /** @throws SnsError if {@code targetArn} names no topic */
    @Override
    public void send(String targetArn, byte[] event, Map<String, String> attributes) {
        if (targetArn == null || !targetArn.startsWith("arn:aws:sns:")) {
            throw new IllegalArgumentException("not an SNS topic ARN: " + targetArn);
        }
        Map<String, SnsMessageAttribute> messageAttributes = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                messageAttributes.put(name, SnsMessageAttribute.string(value));
            }
        });
        sns.publish(targetArn, null, new String(event, StandardCharsets.UTF_8), null, messageAttributes);
    }
}
