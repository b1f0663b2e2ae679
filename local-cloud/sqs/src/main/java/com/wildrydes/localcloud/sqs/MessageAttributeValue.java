package com.wildrydes.localcloud.sqs;

import java.util.Arrays;
import java.util.Objects;

/**
 * A message attribute: a data type ({@code String}, {@code Number}, {@code Binary}, optionally with a
 * custom suffix such as {@code String.Array}) and a value, text for String and Number, bytes for Binary.
 */
public record MessageAttributeValue(String dataType, String stringValue, byte[] binaryValue) {

    public MessageAttributeValue {
        Objects.requireNonNull(dataType, "dataType");
        binaryValue = binaryValue == null ? null : binaryValue.clone();
    }

    public static MessageAttributeValue string(String value) {
        return new MessageAttributeValue("String", value, null);
    }

    public static MessageAttributeValue number(String value) {
        return new MessageAttributeValue("Number", value, null);
    }

    public static MessageAttributeValue binary(byte[] value) {
        return new MessageAttributeValue("Binary", null, value);
    }

    public boolean isBinary() {
        return dataType.startsWith("Binary");
    }

    @Override
    public byte[] binaryValue() {
        return binaryValue == null ? null : binaryValue.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageAttributeValue that
                && dataType.equals(that.dataType)
                && Objects.equals(stringValue, that.stringValue)
                && Arrays.equals(binaryValue, that.binaryValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataType, stringValue, Arrays.hashCode(binaryValue));
    }

    @Override
    public String toString() {
        return dataType + "=" + (isBinary() ? "<" + binaryValue.length + " bytes>" : stringValue);
    }
}
