package com.wildrydes.localcloud.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DynamoDB attribute value, one record per data type. Values are immutable; numbers are kept in
 * canonical form (trailing zeros trimmed) so that equal numbers are equal records, and sets compare as sets.
 */
public sealed interface AttributeValue {

    /** DynamoDB's short name of the type: S, N, B, BOOL, NULL, L, M, SS, NS or BS. */
    String type();

    /** The approximate number of bytes DynamoDB counts for this value, for item size limits and TableSizeBytes. */
    long size();

    /** The value as plain JSON-able Java: strings, BigDecimals, booleans, null, lists and maps; binary as base64. */
    Object toPlain();

    record S(String value) implements AttributeValue {
        public String type() {
            return "S";
        }

        public long size() {
            return utf8Length(value);
        }

        public Object toPlain() {
            return value;
        }
    }

    record N(BigDecimal value) implements AttributeValue {
        public N {
            value = canonical(value);
        }

        public static N of(String text) {
            return new N(new BigDecimal(text));
        }

        /** DynamoDB's rendering: no exponent, no trailing zeros. */
        public String text() {
            return value.toPlainString();
        }

        public String type() {
            return "N";
        }

        public long size() {
            return (value.precision() + 1) / 2 + 1;
        }

        public Object toPlain() {
            return value;
        }
    }

    record B(Bytes value) implements AttributeValue {
        public String type() {
            return "B";
        }

        public long size() {
            return value.length();
        }

        public Object toPlain() {
            return value.base64();
        }
    }

    record Bool(boolean value) implements AttributeValue {
        public String type() {
            return "BOOL";
        }

        public long size() {
            return 1;
        }

        public Object toPlain() {
            return value;
        }
    }

    record Null() implements AttributeValue {
        public static final Null INSTANCE = new Null();

        public String type() {
            return "NULL";
        }

        public long size() {
            return 1;
        }

        public Object toPlain() {
            return null;
        }
    }

    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            values = List.copyOf(values);
        }

        public String type() {
            return "L";
        }

        public long size() {
            long size = 3;
            for (AttributeValue v : values) {
                size += 1 + v.size();
            }
            return size;
        }

        public Object toPlain() {
            List<Object> plain = new ArrayList<>(values.size());
            values.forEach(v -> plain.add(v.toPlain()));
            return plain;
        }
    }

    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M {
            values = AttributeValue.immutableCopy(values);
        }

        public String type() {
            return "M";
        }

        public long size() {
            return 3 + itemSize(values) + values.size();
        }

        public Object toPlain() {
            return AttributeValue.toPlain(values);
        }
    }

    record SS(Set<String> values) implements AttributeValue {
        public SS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        public String type() {
            return "SS";
        }

        public long size() {
            return values.stream().mapToLong(AttributeValue::utf8Length).sum();
        }

        public Object toPlain() {
            return List.copyOf(values);
        }
    }

    record NS(Set<BigDecimal> values) implements AttributeValue {
        public NS {
            LinkedHashSet<BigDecimal> canonical = new LinkedHashSet<>();
            values.forEach(v -> canonical.add(canonical(v)));
            values = Collections.unmodifiableSet(canonical);
        }

        public String type() {
            return "NS";
        }

        public long size() {
            return values.stream().mapToLong(v -> (v.precision() + 1) / 2 + 1).sum();
        }

        public Object toPlain() {
            return List.copyOf(values);
        }
    }

    record BS(Set<Bytes> values) implements AttributeValue {
        public BS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        public String type() {
            return "BS";
        }

        public long size() {
            return values.stream().mapToLong(Bytes::length).sum();
        }

        public Object toPlain() {
            return values.stream().map(Bytes::base64).toList();
        }
    }

    /** Trailing zeros trimmed, as DynamoDB stores numbers; zero has one representation. */
    static BigDecimal canonical(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        // a positive scale-less exponent (1E+2) renders the same in plain form; keep scale >= 0 for equality
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The bytes DynamoDB counts for an item: each attribute's name plus its value. */
    static long itemSize(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + e.getValue().size();
        }
        return size;
    }

    static Map<String, Object> toPlain(Map<String, AttributeValue> item) {
        Map<String, Object> plain = new LinkedHashMap<>();
        item.forEach((k, v) -> plain.put(k, v.toPlain()));
        return plain;
    }

    /** An unmodifiable copy that keeps the attributes in the order given. */
    static Map<String, AttributeValue> immutableCopy(Map<String, AttributeValue> values) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static long utf8Length(String s) {
        long length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /**
     * Orders strings by their UTF-8 bytes without encoding them: UTF-8 byte order is code point order,
     * which differs from Java's UTF-16 order only where surrogates meet U+E000..U+FFFF.
     */
    static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                return Integer.compare(codePointRank(ca), codePointRank(cb));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int codePointRank(char c) {
        if (c >= 0xE000) {
            return c - 0x800;
        }
        if (c >= 0xD800) {
            return c + 0x2000;
        }
        return c;
    }

    /**
     * Compares two scalar values of the same type (S, N or B) the way DynamoDB sorts keys and evaluates
     * {@code <}: numbers as decimals, strings by UTF-8 bytes, binary by unsigned bytes.
     *
     * @throws IllegalArgumentException when the values are not scalars of one type
     */
    static int compareScalars(AttributeValue a, AttributeValue b) {
        if (a instanceof S(String x) && b instanceof S(String y)) {
            return compareUtf8(x, y);
        }
        if (a instanceof N(BigDecimal x) && b instanceof N(BigDecimal y)) {
            return x.compareTo(y);
        }
        if (a instanceof B(Bytes x) && b instanceof B(Bytes y)) {
            return x.compareTo(y);
        }
        throw new IllegalArgumentException("not comparable: " + a.type() + " and " + b.type());
    }

    static boolean isComparableScalar(AttributeValue a, AttributeValue b) {
        return (a instanceof S && b instanceof S) || (a instanceof N && b instanceof N) || (a instanceof B && b instanceof B);
    }
}
