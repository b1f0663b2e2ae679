package com.wildrydes.localcloud.sns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A standard topic: its settable attributes and how many messages it took. */
final class Topic {

    private final String name;
    private final String arn;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    final AtomicLong published = new AtomicLong();

    Topic(String name, String arn, Map<String, String> attributes) {
        this.name = name;
        this.arn = arn;
        this.attributes.putAll(attributes);
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    synchronized Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    synchronized void set(String attribute, String value) {
        attributes.put(attribute, value);
    }
}
