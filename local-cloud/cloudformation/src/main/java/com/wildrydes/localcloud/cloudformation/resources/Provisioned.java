package com.wildrydes.localcloud.cloudformation.resources;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a provisioner made.
 *
 * @param physicalId what {@code Ref} returns (a name, an id or an ARN, as CloudFormation documents per type)
 * @param attributes what {@code Fn::GetAtt} returns, by attribute name
 */
public record Provisioned(String physicalId, Map<String, Object> attributes) {

    public Provisioned {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public static Provisioned of(String physicalId) {
        return new Provisioned(physicalId, Map.of());
    }
}
