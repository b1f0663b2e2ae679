package com.wildrydes.localcloud.sqs;

import java.time.Instant;
import java.util.Map;

/** A look at a stored message that, unlike receiving it, changes nothing; for the console. */
public record MessageSnapshot(
        String messageId,
        String body,
        Map<String, MessageAttributeValue> attributes,
        Instant sentAt,
        int receiveCount,
        State state) {

    public enum State { VISIBLE, IN_FLIGHT, DELAYED }
}
