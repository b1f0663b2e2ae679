package com.wildrydes.fleet;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudFormation custom resource event, as the fields this function needs. Only ResponseURL is required up
 * front: everything else is checked later, so that a malformed event is still answered with FAILED.
 */
public record CustomResourceRequest(
        String requestType,
        String responseUrl,
        String stackId,
        String requestId,
        String logicalResourceId,
        String physicalResourceId,
        Map<String, Object> resourceProperties) {

    public static CustomResourceRequest from(Map<String, Object> event) {
        if (event == null || !(event.get("ResponseURL") instanceof String url) || url.isBlank()) {
            throw new IllegalArgumentException("The event has no ResponseURL, so there is nowhere to report to: "
                    + "this function only handles CloudFormation custom resource events");
        }
        return new CustomResourceRequest(
                text(event, "RequestType"),
                url,
                text(event, "StackId"),
                text(event, "RequestId"),
                text(event, "LogicalResourceId"),
                text(event, "PhysicalResourceId"),
                event.get("ResourceProperties") instanceof Map<?, ?> properties ? stringKeys(properties) : Map.of());
    }

    /** A resource property given as a non-blank string (CloudFormation passes every scalar as a string). */
    public Optional<String> property(String name) {
        return resourceProperties.get(name) instanceof String value && !value.isBlank()
                ? Optional.of(value)
                : Optional.empty();
    }

    private static String text(Map<String, Object> event, String field) {
        return event.get(field) instanceof String value ? value : null;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> properties) {
        var copy = new HashMap<String, Object>();
        properties.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return Collections.unmodifiableMap(copy);
    }
}
