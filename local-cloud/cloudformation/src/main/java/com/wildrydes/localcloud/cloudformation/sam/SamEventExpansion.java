package com.wildrydes.localcloud.cloudformation.sam;

import com.wildrydes.localcloud.cloudformation.template.TemplateResource;

import java.util.List;

/**
 * What one event adds to the template.
 *
 * @param resources    generated resources (e.g. a subscription and a Lambda permission)
 * @param rolePolicies entries to add to the function's generated role, in SAM's {@code Policies} syntax
 *                     (a managed policy name, a policy template, or a {@code Statement} document)
 */
public record SamEventExpansion(List<TemplateResource> resources, List<Object> rolePolicies) {

    public SamEventExpansion {
        resources = List.copyOf(resources);
        rolePolicies = List.copyOf(rolePolicies);
    }
}
