package com.wildrydes.ride;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns an API Gateway request for POST /ride into a {@link PickupLocation}, or refuses it with a message naming
 * the problem. Nothing is coerced: "47.6" is a string, not a latitude, because a client that sends strings has
 * a bug it should hear about.
 *
 * <p>Members the contract does not name are ignored, at the top level and inside PickupLocation: clients may
 * send more (an address label, an accuracy) without breaking, and this service stays the judge only of what it
 * uses.
 */
final class RideRequestParser {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final String EXPECTED_BODY =
            "{\"PickupLocation\":{\"Latitude\":<number>,\"Longitude\":<number>}}";

    private RideRequestParser() {
    }

    /**
     * @throws InvalidRequestException with the status the rider should get: 405, 415, 413 or 400
     */
    static PickupLocation parse(APIGatewayProxyRequestEvent request) {
        requirePost(request.getHttpMethod());
        requireJsonContentType(contentType(request));
        String body = body(request);

        JsonElement document;
        try {
            document = JsonCodec.parseStrict(body);
        } catch (JsonParseException e) {
            throw InvalidRequestException.invalid("Request body is not valid JSON; send " + EXPECTED_BODY);
        }
        if (!document.isJsonObject()) {
            throw InvalidRequestException.invalid(
                    "Request body must be a JSON object, got " + JsonCodec.describe(document) + "; send "
                            + EXPECTED_BODY);
        }
        JsonElement pickup = document.getAsJsonObject().get("PickupLocation");
        if (pickup == null) {
            throw InvalidRequestException.invalid("PickupLocation is missing; send " + EXPECTED_BODY);
        }
        if (!pickup.isJsonObject()) {
            throw InvalidRequestException.invalid("PickupLocation must be an object with Latitude and Longitude, got "
                    + JsonCodec.describe(pickup));
        }
        double latitude = coordinate(pickup.getAsJsonObject(), "Latitude");
        double longitude = coordinate(pickup.getAsJsonObject(), "Longitude");
        try {
            return new PickupLocation(latitude, longitude);
        } catch (IllegalArgumentException outOfRange) {
            throw InvalidRequestException.invalid(outOfRange.getMessage());
        }
    }

    private static void requirePost(String method) {
        if (!"POST".equals(method)) {
            throw InvalidRequestException.methodNotAllowed("Method " + Objects.requireNonNullElse(method, "(none)")
                    + " is not supported on /ride; use POST (OPTIONS answers CORS preflights)");
        }
    }

    private static void requireJsonContentType(String contentType) {
        if (contentType == null) {
            return; // Absent: many simple clients omit it, and the body is checked as JSON anyway.
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw InvalidRequestException.unsupportedMediaType(
                    "Content-Type '" + contentType + "' is not supported; send application/json");
        }
    }

    /** API Gateway keeps header names as the client wrote them; HTTP says they are case-insensitive. */
    private static String contentType(APIGatewayProxyRequestEvent request) {
        Map<String, String> headers = request.getHeaders();
        if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if ("Content-Type".equalsIgnoreCase(header.getKey())) {
                    return header.getValue() == null ? "" : header.getValue();
                }
            }
        }
        Map<String, List<String>> multiValueHeaders = request.getMultiValueHeaders();
        if (multiValueHeaders != null) {
            for (Map.Entry<String, List<String>> header : multiValueHeaders.entrySet()) {
                if ("Content-Type".equalsIgnoreCase(header.getKey())) {
                    List<String> values = header.getValue();
                    return values == null || values.isEmpty() ? "" : String.join(",", values);
                }
            }
        }
        return null;
    }

    private static String body(APIGatewayProxyRequestEvent request) {
        String body = request.getBody();
        if (body == null || body.isBlank()) {
            throw InvalidRequestException.invalid("Request body is missing; send " + EXPECTED_BODY);
        }
        byte[] bytes = Boolean.TRUE.equals(request.getIsBase64Encoded())
                ? decodeBase64(body)
                : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            throw InvalidRequestException.tooLarge("Request body is " + bytes.length + " bytes; the limit is "
                    + MAX_BODY_BYTES + " bytes (64 KB)");
        }
        if (Boolean.TRUE.equals(request.getIsBase64Encoded())) {
            String decoded = decodeUtf8(bytes);
            if (decoded.isBlank()) {
                throw InvalidRequestException.invalid("Request body is missing; send " + EXPECTED_BODY);
            }
            return decoded;
        }
        return body;
    }

    private static byte[] decodeBase64(String body) {
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.invalid("Request body is marked as base64-encoded but is not valid base64");
        }
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidRequestException.invalid("Request body is not valid UTF-8");
        }
    }

    private static double coordinate(JsonObject pickup, String name) {
        String path = "PickupLocation." + name;
        JsonElement value = pickup.get(name);
        if (value == null) {
            throw InvalidRequestException.invalid(path + " is missing; send " + EXPECTED_BODY);
        }
        if (!(value instanceof JsonPrimitive primitive && primitive.isNumber())) {
            throw InvalidRequestException.invalid(
                    path + " must be a number, got " + JsonCodec.describe(value) + shown(value));
        }
        double coordinate = primitive.getAsDouble();
        if (!Double.isFinite(coordinate)) {
            // Strict JSON has no NaN or Infinity, but a literal such as 1e999 overflows a double.
            throw InvalidRequestException.invalid(
                    path + " must be a finite number, got " + primitive.getAsString());
        }
        return coordinate;
    }

    /** The offending value itself when it is short enough to quote, so the rider sees exactly what was sent. */
    private static String shown(JsonElement value) {
        String text = value.toString();
        return value.isJsonPrimitive() && text.length() <= 40 ? " " + text : "";
    }
}
