package com.wildrydes.localcloud.cloudformation.engine;

import com.wildrydes.localcloud.cloudformation.Stack;
import com.wildrydes.localcloud.cloudformation.StackResource;
import com.wildrydes.localcloud.cloudformation.StackStatus;
import com.wildrydes.localcloud.cloudformation.resources.ResourceState;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the engine remembers of a deployed stack, including each resource's resolved properties,
 * which a redeploy compares against.
 *
 * @param resources in creation order, which teardown reverses
 */
public record StackState(String name, String id, StackStatus status, Path templateFile, Map<String, String> parameters,
                         Map<String, String> outputs, Map<String, String> exports,
                         LinkedHashMap<String, ResourceState> resources, Instant lastUpdatedTime) {

    public Stack snapshot() {
        return new Stack(name, id, status, parameters, outputs, exports,
                resources.values().stream()
                        .map(r -> new StackResource(r.logicalId(), r.type(), r.physicalId(), r.attributes()))
                        .toList(),
                templateFile.toAbsolutePath().getParent(), lastUpdatedTime);
    }

    public StackState withStatus(StackStatus newStatus, LinkedHashMap<String, ResourceState> newResources) {
        return new StackState(name, id, newStatus, templateFile, parameters, outputs, exports, newResources, Instant.now());
    }
}
