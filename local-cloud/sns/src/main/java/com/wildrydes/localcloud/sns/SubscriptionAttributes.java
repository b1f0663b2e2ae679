package com.wildrydes.localcloud.sns;

import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The attributes a subscriber may set, and the checks SNS applies to them. */
final class SubscriptionAttributes {

    static final Set<String> SETTABLE = Set.of("FilterPolicy", "FilterPolicyScope", "RawMessageDelivery",
            "RedrivePolicy", "DeliveryPolicy", "SubscriptionRoleArn", "ReplayPolicy");
    private static final Set<String> RAW_DELIVERY_PROTOCOLS = Set.of("sqs", "http", "https", "firehose");

    private SubscriptionAttributes() {
    }

    /**
     * Checks attributes for a subscription of {@code protocol}; {@code current} supplies the rest of its
     * attributes, since a filter policy is checked against its scope and the scope against its policy.
     */
    static Map<String, String> validate(String protocol, Map<String, String> requested, Map<String, String> current) {
        Map<String, String> valid = new LinkedHashMap<>();
        requested.forEach((name, value) -> {
            if (!SETTABLE.contains(name)) {
                throw SnsError.invalidParameter("Invalid parameter: AttributeName");
            }
            valid.put(name, switch (name) {
                case "RawMessageDelivery" -> rawMessageDelivery(protocol, value);
                case "FilterPolicy" -> value.isBlank() || value.trim().equals("{}") ? "" : value;
                case "RedrivePolicy", "DeliveryPolicy", "ReplayPolicy" -> jsonDocument(name, value);
                default -> value;
            });
        });
        Map<String, String> merged = new LinkedHashMap<>(current);
        merged.putAll(valid);
        String policy = merged.get("FilterPolicy");
        if (policy != null && !policy.isEmpty()) {
            FilterPolicy.parse(policy, merged.get("FilterPolicyScope"));
            valid.putIfAbsent("FilterPolicyScope", merged.getOrDefault("FilterPolicyScope", "MessageAttributes"));
        } else if (valid.containsKey("FilterPolicyScope")) {
            FilterPolicy.parseScope(valid.get("FilterPolicyScope"));
        }
        return valid;
    }

    private static String rawMessageDelivery(String protocol, String value) {
        String normalised = value.toLowerCase(Locale.ROOT);
        if (!normalised.equals("true") && !normalised.equals("false")) {
            throw SnsError.invalidParameter("Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value ["
                    + value + "]. Must be true or false.");
        }
        if (normalised.equals("true") && !RAW_DELIVERY_PROTOCOLS.contains(protocol)) {
            throw SnsError.invalidParameter("Invalid parameter: Attributes Reason: Delivery protocol [" + protocol
                    + "] does not support raw message delivery.");
        }
        return normalised;
    }

    private static String jsonDocument(String name, String value) {
        if (value.isBlank()) {
            return "";
        }
        try {
            if (Json.parse(value.getBytes(StandardCharsets.UTF_8)).isObject()) {
                return value;
            }
        } catch (IOException e) {
            // reported below
        }
        throw SnsError.invalidParameter("Invalid parameter: " + name + ": failed to parse JSON.");
    }
}
