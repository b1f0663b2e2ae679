package com.wildrydes.localcloud.cloudformation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One resource of a deployed stack.
 *
 * @param physicalId what {@code Ref} gives: a function or table name, an API id, an alias ARN...
 * @param attributes what {@code Fn::GetAtt} gives, e.g. {@code Arn}
 */
public record StackResource(String logicalId, String type, String physicalId, Map<String, Object> attributes) {

    public StackResource {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
