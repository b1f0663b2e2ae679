package com.wildrydes.localcloud.lambda;

import java.security.SecureRandom;

/**
 * The temporary credentials Lambda gives a function's execution environment. Each function gets
 * its own access key, so a call arriving at the edge can be traced back to the function (and so
 * to its execution role).
 */
public record FunctionCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    /** Fresh credentials shaped like STS's: an {@code ASIA...} key id, a 40-character secret, a token. */
    static FunctionCredentials generate() {
        return new FunctionCredentials("ASIA" + random(KEY_ALPHABET, 16), random(SECRET_ALPHABET, 40),
                "IQoJb3JpZ2luX2VjE" + random(SECRET_ALPHABET, 120));
    }

    private static String random(char[] alphabet, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(chars);
    }
}
