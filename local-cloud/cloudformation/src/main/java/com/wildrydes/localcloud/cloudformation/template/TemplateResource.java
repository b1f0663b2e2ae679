package com.wildrydes.localcloud.cloudformation.template;

import java.util.List;
import java.util.Map;

/**
 * One entry of a template's Resources section.
 *
 * @param properties unresolved (intrinsics still in long form); never null
 * @param condition  the name of the condition that decides whether it exists; null if it always does
 */
public record TemplateResource(String logicalId, String type, Map<String, Object> properties,
                               List<String> dependsOn, String condition) {

    public TemplateResource {
        properties = properties == null ? Map.of() : properties;
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    public TemplateResource(String logicalId, String type, Map<String, Object> properties) {
        this(logicalId, type, properties, List.of(), null);
    }

    public TemplateResource withProperties(Map<String, Object> newProperties) {
        return new TemplateResource(logicalId, type, newProperties, dependsOn, condition);
    }
}
