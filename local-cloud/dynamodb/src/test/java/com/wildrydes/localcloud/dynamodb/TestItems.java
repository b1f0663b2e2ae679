package com.wildrydes.localcloud.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Items written as DynamoDB JSON in tests, with single quotes for readability. */
public final class TestItems {

    private TestItems() {
    }

    public static JsonNode json(String text) {
        try {
            return Json.parse(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code item("{'a':{'N':'1'}}")}. */
    public static Map<String, AttributeValue> item(String text) {
        return AttributeValueJson.readItem(json(text));
    }
}
