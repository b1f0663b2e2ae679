package com.wildrydes.localcloud.sns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A topic's subscriber: a protocol, an endpoint, delivery attributes and counts for the console. */
final class Subscription {

    private final String arn;
    private final String topicArn;
    private final String protocol;
    private final String endpoint;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private FilterPolicy filterPolicy;
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong filteredOut = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    Subscription(String arn, String topicArn, String protocol, String endpoint) {
        this.arn = arn;
        this.topicArn = topicArn;
        this.protocol = protocol;
        this.endpoint = endpoint;
    }

    String arn() {
        return arn;
    }

    String topicArn() {
        return topicArn;
    }

    String protocol() {
        return protocol;
    }

    String endpoint() {
        return endpoint;
    }

    synchronized Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    /** Applies attributes already checked by {@link SubscriptionAttributes}; an empty value removes one. */
    synchronized void apply(Map<String, String> validated) {
        validated.forEach((name, value) -> {
            if (value.isEmpty()) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        });
        String policy = attributes.get("FilterPolicy");
        filterPolicy = policy == null ? null : FilterPolicy.parse(policy, attributes.get("FilterPolicyScope"));
    }

    synchronized Optional<FilterPolicy> filterPolicy() {
        return Optional.ofNullable(filterPolicy);
    }

    synchronized boolean rawMessageDelivery() {
        return "true".equals(attributes.get("RawMessageDelivery"));
    }
}
