package com.wildrydes.localcloud.sqs;

import java.util.Map;

/** One message as a ReceiveMessage call hands it out, before the caller's attribute selection. */
record ReceivedMessage(
        String messageId,
        String receiptHandle,
        String body,
        Map<String, MessageAttributeValue> attributes,
        Map<String, MessageAttributeValue> systemAttributes,
        String senderId,
        long sentAt,
        int receiveCount,
        long firstReceivedAt,
        String deadLetterSourceArn) {
}
