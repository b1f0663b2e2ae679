package com.wildrydes.localcloud.sns;

/**
 * A message attribute as SNS carries it: a data type ({@code String}, {@code String.Array},
 * {@code Number}, {@code Binary}) and its value as text, base64 for Binary.
 */
public record SnsMessageAttribute(String dataType, String value) {

    public static SnsMessageAttribute string(String value) {
        return new SnsMessageAttribute("String", value);
    }

    public boolean isBinary() {
        return dataType.startsWith("Binary");
    }
}
