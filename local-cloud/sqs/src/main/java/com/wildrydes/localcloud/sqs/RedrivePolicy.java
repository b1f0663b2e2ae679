package com.wildrydes.localcloud.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A queue's RedrivePolicy: after {@code maxReceiveCount} receives, a message moves to the dead-letter queue. */
record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {

    /** Parses the attribute's JSON, which AWS accepts with the count as a number or a string. */
    static RedrivePolicy parse(String json) {
        JsonNode node;
        try {
            node = Json.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw invalid(json, "Invalid JSON.");
        }
        if (!node.isObject()) {
            throw invalid(json, "Redrive policy must be a JSON object.");
        }
        String target = node.path("deadLetterTargetArn").asText(null);
        if (target == null || target.isEmpty()) {
            throw invalid(json, "Redrive policy does not contain mandatory attribute: deadLetterTargetArn.");
        }
        JsonNode count = node.get("maxReceiveCount");
        if (count == null) {
            throw invalid(json, "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
        }
        int max;
        try {
            max = count.isNumber() ? count.intValue() : Integer.parseInt(count.asText());
        } catch (NumberFormatException e) {
            throw invalid(json, "Invalid value for maxReceiveCount: " + count.asText() + ", valid values are from 1 to 1000 both inclusive.");
        }
        if (max < 1 || max > 1000) {
            throw invalid(json, "Invalid value for maxReceiveCount: " + max + ", valid values are from 1 to 1000 both inclusive.");
        }
        return new RedrivePolicy(target, max);
    }

    static Optional<RedrivePolicy> fromAttribute(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(parse(value));
    }

    /** The canonical form AWS returns for the attribute. */
    String toJson() {
        var node = Json.object();
        node.put("deadLetterTargetArn", deadLetterTargetArn);
        node.put("maxReceiveCount", maxReceiveCount);
        return Json.text(node);
    }

    static SqsError invalid(String value, String reason) {
        return SqsError.invalidParameterValue("Value " + value + " for parameter RedrivePolicy is invalid. Reason: " + reason);
    }
}
