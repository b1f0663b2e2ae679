package com.wildrydes.localcloud.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.json.Json;

import java.time.Instant;

/**
 * One version of a parameter.
 *
 * @param keyId          the KMS key of a SecureString, else null
 * @param description    may be null
 * @param allowedPattern may be null
 */
record Parameter(String name, String type, String value, long version, Instant lastModified, String keyId,
                 String description, String allowedPattern, String tier, String dataType) {

    static final String SECURE_STRING = "SecureString";

    boolean isSecure() {
        return SECURE_STRING.equals(type);
    }

    /** SSM's ARN: a name with a leading slash adds no second one. */
    String arn(String region, String accountId) {
        return "arn:aws:ssm:" + region + ":" + accountId + ":parameter" + (name.startsWith("/") ? "" : "/") + name;
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("name", name);
        node.put("type", type);
        node.put("value", value);
        node.put("version", version);
        node.put("lastModified", lastModified.toString());
        node.put("keyId", keyId);
        node.put("description", description);
        node.put("allowedPattern", allowedPattern);
        node.put("tier", tier);
        node.put("dataType", dataType);
        return node;
    }

    static Parameter fromJson(JsonNode node) {
        return new Parameter(node.get("name").asText(), node.get("type").asText(), node.get("value").asText(),
                node.get("version").asLong(), Instant.parse(node.get("lastModified").asText()), text(node, "keyId"),
                text(node, "description"), text(node, "allowedPattern"), node.get("tier").asText(), node.get("dataType").asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
