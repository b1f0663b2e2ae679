package com.wildrydes.localcloud.sqs;

import java.util.Map;

/**
 * A message stored in a queue. Its identity and content never change; its delivery state (when it is
 * next visible, how often it was received, its latest receipt) changes only under its queue's lock.
 */
final class QueueMessage {

    final String messageId;
    final String body;
    final Map<String, MessageAttributeValue> attributes;
    final Map<String, MessageAttributeValue> systemAttributes;
    final String senderId;
    final long sentAt;
    /** The queue a redrive moved this message from, or null. */
    final String deadLetterSourceArn;

    long visibleAt;
    int receiveCount;
    long firstReceivedAt;
    String receiptNonce;

    QueueMessage(String messageId, String body, Map<String, MessageAttributeValue> attributes,
                 Map<String, MessageAttributeValue> systemAttributes, String senderId, long sentAt,
                 String deadLetterSourceArn, long visibleAt) {
        this.messageId = messageId;
        this.body = body;
        this.attributes = Map.copyOf(attributes);
        this.systemAttributes = Map.copyOf(systemAttributes);
        this.senderId = senderId;
        this.sentAt = sentAt;
        this.deadLetterSourceArn = deadLetterSourceArn;
        this.visibleAt = visibleAt;
    }

    /** The same message as a dead-letter queue receives it: fresh delivery state, its source recorded. */
    QueueMessage movedFrom(String sourceArn, long now) {
        return new QueueMessage(messageId, body, attributes, systemAttributes, senderId, sentAt, sourceArn, now);
    }

    boolean inFlight(long now) {
        return receiveCount > 0 && visibleAt > now;
    }

    boolean delayed(long now) {
        return receiveCount == 0 && visibleAt > now;
    }
}
