package com.wildrydes.localcloud.sqs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MD5 digests SQS returns with messages, which SDKs recompute to detect corruption: of the body,
 * and of the message attributes in SQS's canonical encoding (sorted by name; each of name, data type
 * and value prefixed by its 4-byte length; a transport byte of 1 for text and 2 for binary).
 */
final class MessageDigests {

    private MessageDigests() {
    }

    static String ofBody(String body) {
        return hex(md5().digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Null for no attributes, as SQS then omits the digest. */
    static String ofAttributes(Map<String, MessageAttributeValue> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TreeMap<>(attributes).forEach((name, value) -> {
            lengthPrefixed(bytes, name.getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(bytes, value.dataType().getBytes(StandardCharsets.UTF_8));
            if (value.isBinary()) {
                bytes.write(2);
                lengthPrefixed(bytes, value.binaryValue());
            } else {
                bytes.write(1);
                lengthPrefixed(bytes, value.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        });
        return hex(md5().digest(bytes.toByteArray()));
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(data);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides MD5", e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
