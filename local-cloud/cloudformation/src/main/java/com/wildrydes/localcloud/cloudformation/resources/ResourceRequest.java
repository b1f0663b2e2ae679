package com.wildrydes.localcloud.cloudformation.resources;

import com.wildrydes.localcloud.cloudformation.intrinsics.Values;

import java.util.Map;

/**
 * A resource to create or update, with its properties resolved (no intrinsics left).
 */
public record ResourceRequest(StackInfo stack, String logicalId, String type, Map<String, Object> properties) {

    public Object get(String property) {
        return properties.get(property);
    }

    public String string(String property) {
        Object value = properties.get(property);
        if (value == null) {
            throw new ProvisioningException("the property " + property + " is required");
        }
        return Values.string(value, property);
    }

    public String optionalString(String property) {
        return Values.optionalString(properties.get(property), property);
    }

    public int integer(String property, int defaultValue) {
        Object value = properties.get(property);
        return value == null ? defaultValue : Values.integer(value, property);
    }

    public Map<String, Object> map(String property) {
        return Values.optionalMap(properties.get(property), property);
    }
}
