package com.wildrydes.localcloud.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The few top-level members of a JSON protocol request that name its resources ({@code TableName},
 * the tables of {@code RequestItems}, {@code Names}), streamed so that a 400 KB item is skipped,
 * not built. A member given twice counts as its last value, as the service reading the whole
 * document sees it.
 */
final class JsonMembers {

    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private final Map<String, Object> values;

    private JsonMembers(Map<String, Object> values) {
        this.values = values;
    }

    /** Reads the wanted members; empty when the body is not a JSON object, which the service will refuse itself. */
    static Optional<JsonMembers> read(byte[] body, Set<String> wanted) {
        Map<String, Object> values = new HashMap<>();
        if (body == null || body.length == 0) {
            return Optional.of(new JsonMembers(values));
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!wanted.contains(name)) {
                    parser.skipChildren();
                    continue;
                }
                values.put(name, switch (value) {
                    case START_ARRAY -> strings(parser);
                    case START_OBJECT -> keys(parser);
                    case VALUE_STRING -> parser.getText();
                    // a number or boolean where a name belongs: the service refuses the request, so it names nothing
                    default -> NOT_A_NAME;
                });
            }
            return token == JsonToken.END_OBJECT ? Optional.of(new JsonMembers(values)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static final Object NOT_A_NAME = new Object();

    private static List<String> strings(JsonParser parser) throws IOException {
        List<String> strings = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_STRING) {
                strings.add(parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return strings;
    }

    /** The member names of an object, e.g. the tables of {@code RequestItems}; their values are skipped. */
    private static KeyList keys(JsonParser parser) throws IOException {
        List<String> keys = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            keys.add(parser.currentName());
            parser.nextToken();
            parser.skipChildren();
        }
        return new KeyList(keys);
    }

    private record KeyList(List<String> keys) {
    }

    /** A string member, or null when absent or not a string. */
    String string(String name) {
        return values.get(name) instanceof String text ? text : null;
    }

    /** The strings of an array member; empty when absent or not an array. */
    @SuppressWarnings("unchecked")
    List<String> strings(String name) {
        return values.get(name) instanceof List<?> list ? (List<String>) list : List.of();
    }

    /** The member names of an object member; empty when absent or not an object. */
    List<String> keys(String name) {
        return values.get(name) instanceof KeyList keyList ? keyList.keys() : List.of();
    }
}
