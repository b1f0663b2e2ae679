package com.wildrydes.ride;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The service's JSON, field names exactly as in the contract. The mapping is written out by hand rather than
 * reflected from the records: the wire names stay visible in one place, and nothing depends on reflective access.
 */
final class JsonCodec {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** Always three fraction digits, so RequestTime values sort as text in the order they happened. */
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private JsonCodec() {
    }

    static String toJson(Ride ride) {
        JsonObject unicorn = new JsonObject();
        unicorn.addProperty("Name", ride.unicorn().name());
        unicorn.addProperty("Color", ride.unicorn().color());
        unicorn.addProperty("DeviceId", ride.unicorn().deviceId());

        JsonObject pickup = new JsonObject();
        pickup.addProperty("Latitude", ride.pickupLocation().latitude());
        pickup.addProperty("Longitude", ride.pickupLocation().longitude());

        JsonObject json = new JsonObject();
        json.addProperty("RideId", ride.rideId().toString());
        json.add("Unicorn", unicorn);
        json.addProperty("RequestTime", REQUEST_TIME.format(ride.requestTime()));
        json.add("PickupLocation", pickup);
        return GSON.toJson(json);
    }

    static String error(String code, String message) {
        JsonObject json = new JsonObject();
        json.addProperty("error", code);
        json.addProperty("message", message);
        return GSON.toJson(json);
    }

    /**
     * Reads a Unicorn as the fleet sends it. Members the contract does not name are ignored, so the fleet can
     * grow its representation without breaking this service.
     *
     * @throws IllegalArgumentException naming what is wrong with the document
     */
    static Unicorn toUnicorn(String json) {
        JsonElement element;
        try {
            element = parseStrict(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("the body is not valid JSON", e);
        }
        if (!element.isJsonObject()) {
            throw new IllegalArgumentException("expected a JSON object, got " + describe(element));
        }
        JsonObject unicorn = element.getAsJsonObject();
        return new Unicorn(text(unicorn, "Name"), text(unicorn, "Color"), text(unicorn, "DeviceId"));
    }

    /** The "message" of an error body in this project's shape, when a neighbour sent one. */
    static Optional<String> errorMessage(String json) {
        try {
            JsonElement element = parseStrict(json);
            if (element.isJsonObject()
                    && element.getAsJsonObject().get("message") instanceof JsonPrimitive message
                    && message.isString() && !message.getAsString().isBlank()) {
                return Optional.of(message.getAsString());
            }
        } catch (JsonParseException e) {
            // Not our shape: the caller falls back to the status code alone.
        }
        return Optional.empty();
    }

    /**
     * Parses exactly one JSON document as RFC 8259 defines it. Gson is lenient by default (unquoted names,
     * single quotes, NaN, trailing content); a contract that is not checked strictly is not a contract.
     *
     * @throws JsonParseException if the text is not one valid JSON document
     */
    static JsonElement parseStrict(String json) {
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
        try {
            if (reader.peek() == JsonToken.END_DOCUMENT) {
                throw new JsonParseException("empty document");
            }
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("content after the JSON document");
            }
            return element;
        } catch (IOException e) {
            throw new JsonParseException(e.getMessage(), e);
        }
    }

    /** A JSON value's type in words, for messages such as "got a string". */
    static String describe(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return "null";
        }
        if (element.isJsonObject()) {
            return "an object";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return "a boolean";
        }
        if (primitive.isNumber()) {
            return "a number";
        }
        return "a string";
    }

    private static String text(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        if (!(value instanceof JsonPrimitive primitive && primitive.isString())) {
            throw new IllegalArgumentException(name + " must be a string, got " + describe(value));
        }
        if (primitive.getAsString().isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return primitive.getAsString();
    }
}
