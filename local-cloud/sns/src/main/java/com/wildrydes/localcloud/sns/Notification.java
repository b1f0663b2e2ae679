package com.wildrydes.localcloud.sns;

import java.time.Instant;
import java.util.Map;

/**
 * One published message on its way to a topic's subscribers.
 *
 * @param subject             null when the publisher gave none
 * @param messagesByProtocol  for {@code MessageStructure=json}: the message per protocol, with a {@code default}; else empty
 */
record Notification(
        String messageId,
        String topicArn,
        String subject,
        String message,
        Map<String, String> messagesByProtocol,
        Map<String, SnsMessageAttribute> attributes,
        Instant timestamp) {

    /** The text a subscriber of {@code protocol} receives. */
    String messageFor(String protocol) {
        if (messagesByProtocol.isEmpty()) {
            return message;
        }
        return messagesByProtocol.getOrDefault(protocol, messagesByProtocol.get("default"));
    }
}
