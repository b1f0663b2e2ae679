package com.wildrydes.record;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads a Ride from its JSON contract, checking every field. Used for POST /record bodies and, in the event-driven
 * stage, for the same document arriving as a message; unknown fields are ignored so producers can add some.
 */
public final class RideParser {

    private static final Pattern PARSE_POSITION = Pattern.compile("at line (\\d+) column (\\d+)");
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    public Ride parse(String json) {
        var ride = strictJson(json);
        if (!ride.isJsonObject()) {
            throw InvalidRideException.malformed("The body must be a JSON object (a Ride), not " + kindOf(ride));
        }
        return new Ride(
                rideId(ride.getAsJsonObject()),
                unicorn(ride.getAsJsonObject()),
                requestTime(ride.getAsJsonObject()),
                pickupLocation(ride.getAsJsonObject()));
    }

    /** Strict: NaN, comments, single quotes or anything after the document are refused, not guessed at. */
    private static JsonElement strictJson(String json) {
        try {
            var reader = new JsonReader(new StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            var document = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw InvalidRideException.malformed("The body is not valid JSON: more follows the first value");
            }
            return document;
        } catch (JsonParseException | IOException | IllegalStateException notJson) {
            throw InvalidRideException.malformed("The body is not valid JSON" + position(notJson));
        }
    }

    private static String rideId(JsonObject ride) {
        var rideId = text(ride, "RideId", "RideId");
        if (!CANONICAL_UUID.matcher(rideId).matches()) {
            throw InvalidRideException.invalidField(
                    "RideId must be a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e");
        }
        return rideId;
    }

    private static Unicorn unicorn(JsonObject ride) {
        var unicorn = object(ride, "Unicorn", "Unicorn", "with Name, Color and DeviceId");
        return new Unicorn(
                text(unicorn, "Name", "Unicorn.Name"),
                text(unicorn, "Color", "Unicorn.Color"),
                text(unicorn, "DeviceId", "Unicorn.DeviceId"));
    }

    private static Instant requestTime(JsonObject ride) {
        var requestTime = text(ride, "RequestTime", "RequestTime");
        try {
            return Instant.parse(requestTime);
        } catch (DateTimeParseException notAnInstant) {
            throw InvalidRideException.invalidField(
                    "RequestTime must be an ISO-8601 UTC instant such as 2026-11-27T09:41:07.123Z");
        }
    }

    private static PickupLocation pickupLocation(JsonObject ride) {
        var location = object(ride, "PickupLocation", "PickupLocation", "with Latitude and Longitude");
        return new PickupLocation(
                degrees(location, "Latitude", 90),
                degrees(location, "Longitude", 180));
    }

    private static double degrees(JsonObject location, String name, int limit) {
        var path = "PickupLocation." + name;
        var value = location.get(name);
        var expected = path + " must be a number from -" + limit + " to " + limit;
        if (value == null || value.isJsonNull()) {
            throw InvalidRideException.invalidField(path + " is required: " + expected);
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw InvalidRideException.invalidField(expected + ", not " + kindOf(value));
        }
        var degrees = value.getAsDouble();
        if (!Double.isFinite(degrees) || degrees < -limit || degrees > limit) {
            throw InvalidRideException.invalidField(expected + ", not " + value);
        }
        return degrees;
    }

    private static JsonObject object(JsonObject parent, String name, String path, String contents) {
        var value = parent.get(name);
        if (value == null || value.isJsonNull()) {
            throw InvalidRideException.invalidField(path + " is required: an object " + contents);
        }
        if (!value.isJsonObject()) {
            throw InvalidRideException.invalidField(path + " must be an object " + contents + ", not "
                    + kindOf(value));
        }
        return value.getAsJsonObject();
    }

    private static String text(JsonObject parent, String name, String path) {
        var value = parent.get(name);
        if (value == null || value.isJsonNull()) {
            throw InvalidRideException.invalidField(path + " is required: a non-empty string");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw InvalidRideException.invalidField(path + " must be a string, not " + kindOf(value));
        }
        if (value.getAsString().isBlank()) {
            throw InvalidRideException.invalidField(path + " must not be empty");
        }
        return value.getAsString();
    }

    private static String kindOf(JsonElement value) {
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "an array";
        }
        if (value.isJsonNull()) {
            return "null";
        }
        var primitive = value.getAsJsonPrimitive();
        return primitive.isNumber() ? "a number" : primitive.isBoolean() ? "a boolean" : "a string";
    }

    /** Gson ends its messages with a troubleshooting link meant for developers, not for API callers. */
    /** Where the parser stopped, and nothing of the parser's own wording, which means nothing to a caller. */
    private static String position(Exception notJson) {
        var where = PARSE_POSITION.matcher(String.valueOf(notJson.getMessage()));
        return where.find() ? " (at line " + where.group(1) + ", column " + where.group(2) + ")" : "";
    }
}
