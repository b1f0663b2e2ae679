package com.wildrydes.localcloud.cloudformation.resources;

import java.util.Map;

/**
 * A resource as it exists: what was asked for and what it became.
 *
 * @param properties  the resolved properties it was created or last updated with
 * @param attributes  what {@code Fn::GetAtt} returns
 * @param fingerprint state outside the template that still calls for an update when it changes (a rebuilt artifact)
 */
public record ResourceState(StackInfo stack, String logicalId, String type, String physicalId,
                            Map<String, Object> properties, Map<String, Object> attributes,
                            Map<String, Object> fingerprint) {

    public ResourceRequest request() {
        return new ResourceRequest(stack, logicalId, type, properties);
    }
}
