package com.wildrydes.localcloud.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's proxy response: {@code statusCode}, {@code headers}, {@code multiValueHeaders},
 * {@code body} and {@code isBase64Encoded}. Anything else API Gateway calls a malformed Lambda
 * proxy response, which the caller sees as a 502.
 *
 * @param headers each name once with all its values; single and multi-value headers merged
 */
record ProxyResponse(int statusCode, Map<String, List<String>> headers, byte[] body) {

    /** Why a function's result is not a proxy response; the caller sees only a 502. */
    static final class MalformedException extends Exception {
        MalformedException(String reason) {
            super(reason);
        }
    }

    static ProxyResponse parse(byte[] payload) throws MalformedException {
        JsonNode response;
        try {
            response = Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new MalformedException("the function's result is not JSON");
        }
        if (response == null || !response.isObject()) {
            throw new MalformedException("the function's result is not a JSON object");
        }
        int status = statusCode(response.get("statusCode"));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        JsonNode single = response.get("headers");
        if (single != null && !single.isNull()) {
            if (!single.isObject()) {
                throw new MalformedException("headers must be an object of strings");
            }
            for (Map.Entry<String, JsonNode> field : single.properties()) {
                headers.computeIfAbsent(field.getKey(), k -> new ArrayList<>()).add(scalar(field.getValue(), "headers." + field.getKey()));
            }
        }
        JsonNode multi = response.get("multiValueHeaders");
        if (multi != null && !multi.isNull()) {
            if (!multi.isObject()) {
                throw new MalformedException("multiValueHeaders must be an object of string arrays");
            }
            for (Map.Entry<String, JsonNode> field : multi.properties()) {
                if (!field.getValue().isArray()) {
                    throw new MalformedException("multiValueHeaders." + field.getKey() + " must be an array");
                }
                // A name in both maps keeps the multi-value list, as API Gateway merges them.
                List<String> values = new ArrayList<>();
                for (JsonNode value : field.getValue()) {
                    values.add(scalar(value, "multiValueHeaders." + field.getKey()));
                }
                headers.put(field.getKey(), values);
            }
        }
        return new ProxyResponse(status, headers, body(response));
    }

    private static int statusCode(JsonNode node) throws MalformedException {
        int status;
        if (node != null && node.isIntegralNumber()) {
            status = node.asInt();
        } else if (node != null && node.isTextual() && node.asText().matches("\\d{3}")) {
            status = Integer.parseInt(node.asText());
        } else {
            throw new MalformedException("statusCode must be an integer, not " + (node == null ? "missing" : node));
        }
        if (status < 100 || status > 599) {
            throw new MalformedException("statusCode " + status + " is not an HTTP status");
        }
        return status;
    }

    private static String scalar(JsonNode value, String where) throws MalformedException {
        if (value == null || value.isNull() || value.isContainerNode()) {
            throw new MalformedException(where + " must be a string");
        }
        return value.asText();
    }

    private static byte[] body(JsonNode response) throws MalformedException {
        JsonNode body = response.get("body");
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        if (!body.isTextual()) {
            throw new MalformedException("body must be a string (serialise JSON bodies to a string)");
        }
        JsonNode base64 = response.get("isBase64Encoded");
        if (base64 != null && !base64.isNull() && !base64.isBoolean()) {
            throw new MalformedException("isBase64Encoded must be a boolean");
        }
        if (base64 != null && base64.asBoolean()) {
            try {
                return Base64.getDecoder().decode(body.asText());
            } catch (IllegalArgumentException e) {
                throw new MalformedException("isBase64Encoded is true but body is not base64");
            }
        }
        return body.asText().getBytes(StandardCharsets.UTF_8);
    }
}
