package com.wildrydes.localcloud.dynamodb;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DynamoDB's sort rules for keys: numbers as decimals, strings by UTF-8 bytes, binary by unsigned bytes. */
class KeyOrderTest {

    @Test
    void ordersNumbersByValueNotText() {
        assertThat(sorted(n("10"), n("9"), n("-1"), n("0.5"), n("-10"), n("1e2")))
                .containsExactly(n("-10"), n("-1"), n("0.5"), n("9"), n("10"), n("100"));
    }

    @Test
    void ordersStringsByUtf8BytesWhichDiffersFromJavaOrderForCharactersBeyondTheBasicPlane() {
        String upper = "Z";
        String lower = "a";
        String accented = "é";           // U+00E9: two UTF-8 bytes C3 A9
        String privateUse = "\uE000";    // U+E000: EE 80 80
        String emoji = "\uD83D\uDE00";   // U+1F600: F0 9F 98 80, but UTF-16 D83D sorts before E000 in Java
        assertThat(emoji.compareTo(privateUse)).isNegative();
        assertThat(sorted(s(emoji), s(privateUse), s(accented), s(lower), s(upper), s("ab"), s("")))
                .containsExactly(s(""), s(upper), s(lower), s("ab"), s(accented), s(privateUse), s(emoji));
    }

    @Test
    void ordersBinaryAsUnsignedBytes() {
        AttributeValue low = b(0x7F);
        AttributeValue high = b(0x80);
        AttributeValue higher = b(0xFF);
        AttributeValue shortest = new AttributeValue.B(Bytes.of(new byte[0]));
        assertThat(sorted(higher, high, low, shortest)).containsExactly(shortest, low, high, higher);
    }

    @Test
    void ordersPrimaryKeysByHashThenRangeWithBoundsAroundEachHash() {
        PrimaryKey a1 = PrimaryKey.of(s("a"), n("1"));
        PrimaryKey a2 = PrimaryKey.of(s("a"), n("2"));
        PrimaryKey b0 = PrimaryKey.of(s("b"), n("0"));
        List<PrimaryKey> keys = new ArrayList<>(List.of(b0, PrimaryKey.last(s("a")), a2, PrimaryKey.first(s("b")), a1,
                PrimaryKey.first(s("a"))));
        Collections.sort(keys);
        assertThat(keys).containsExactly(PrimaryKey.first(s("a")), a1, a2, PrimaryKey.last(s("a")), PrimaryKey.first(s("b")), b0);
    }

    private static List<AttributeValue> sorted(AttributeValue... values) {
        List<AttributeValue> list = new ArrayList<>(List.of(values));
        list.sort(AttributeValue::compareScalars);
        return list;
    }

    private static AttributeValue n(String n) {
        return AttributeValue.N.of(n);
    }

    private static AttributeValue s(String s) {
        return new AttributeValue.S(s);
    }

    private static AttributeValue b(int unsigned) {
        return new AttributeValue.B(Bytes.of(new byte[] {(byte) unsigned}));
    }
}
