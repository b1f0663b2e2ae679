package com.wildrydes.localcloud.sqs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Names one receipt of one message. A message gets a new handle each time it is received, so only
 * its latest handle can delete it or change its visibility.
 */
record ReceiptHandle(String messageId, String nonce) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((messageId + "/" + nonce).getBytes(StandardCharsets.UTF_8));
    }

    static ReceiptHandle decode(String handle) {
        if (handle == null || handle.isEmpty()) {
            throw SqsError.missingParameter("ReceiptHandle");
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(handle), StandardCharsets.UTF_8);
            int slash = text.indexOf('/');
            if (slash > 0 && slash < text.length() - 1) {
                return new ReceiptHandle(text.substring(0, slash), text.substring(slash + 1));
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        throw SqsError.receiptHandleIsInvalid(handle);
    }
}
