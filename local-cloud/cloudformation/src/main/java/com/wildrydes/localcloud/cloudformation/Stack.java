package com.wildrydes.localcloud.cloudformation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployed stack, as a snapshot.
 *
 * @param id                {@code arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>}
 * @param parameters        the values used, NoEcho ones masked; SSM-typed ones show the value read from SSM
 * @param outputs           output values by output name
 * @param exports           exported values by export name
 * @param resources         in creation order
 * @param templateDirectory the folder of the template it was deployed from
 */
public record Stack(String name, String id, StackStatus status, Map<String, String> parameters,
                    Map<String, String> outputs, Map<String, String> exports, List<StackResource> resources,
                    Path templateDirectory, Instant lastUpdatedTime) {

    public Stack {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        resources = List.copyOf(resources);
    }

    public Optional<StackResource> resource(String logicalId) {
        return resources.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst();
    }

    public Optional<String> output(String name) {
        return Optional.ofNullable(outputs.get(name));
    }
}
