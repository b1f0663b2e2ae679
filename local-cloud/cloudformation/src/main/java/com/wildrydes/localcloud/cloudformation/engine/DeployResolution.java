package com.wildrydes.localcloud.cloudformation.engine;

import com.wildrydes.localcloud.cloudformation.intrinsics.IntrinsicException;
import com.wildrydes.localcloud.cloudformation.intrinsics.ResolutionContext;
import com.wildrydes.localcloud.cloudformation.resources.ResourceProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.ResourceState;
import com.wildrydes.localcloud.cloudformation.resources.StackInfo;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Looks names up for intrinsic functions during one deploy: parameters, pseudo parameters, the
 * resources created so far, conditions, mappings and other stacks' exports.
 */
final class DeployResolution implements ResolutionContext {

    private final StackInfo stack;
    private final Map<String, Object> parameters;
    private final Map<String, Boolean> conditions;
    private final Map<String, Object> mappings;
    private final Map<String, TemplateResource> templateResources;
    private final Map<String, ResourceState> resources;
    private final ProvisionerRegistry registry;
    private final Function<String, Optional<String>> exports;

    /**
     * @param resources the resources that exist; null while conditions are evaluated, when none may be referred to
     */
    DeployResolution(StackInfo stack, Map<String, Object> parameters, Map<String, Boolean> conditions,
                     Map<String, Object> mappings, Map<String, TemplateResource> templateResources,
                     Map<String, ResourceState> resources, ProvisionerRegistry registry,
                     Function<String, Optional<String>> exports) {
        this.stack = stack;
        this.parameters = parameters;
        this.conditions = conditions;
        this.mappings = mappings;
        this.templateResources = templateResources;
        this.resources = resources;
        this.registry = registry;
        this.exports = exports;
    }

    @Override
    public Object ref(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        Optional<Object> pseudo = PseudoParameters.value(name, stack);
        if (pseudo.isPresent()) {
            return pseudo.get();
        }
        return resource(name).physicalId();
    }

    @Override
    public Object getAtt(String logicalId, String attribute) {
        ResourceState state = resource(logicalId);
        Object value = state.attributes().get(attribute);
        if (value != null) {
            return value;
        }
        ResourceProvisioner provisioner = registry.find(state.type()).orElseThrow();
        if (provisioner.acceptsAnyAttribute()) {
            throw new IntrinsicException("CustomResourceAttributeError: the response of " + logicalId + " (" + state.type()
                    + ") has no " + attribute + " key in its Data; it returned " + new TreeSet<>(state.attributes().keySet()));
        }
        if (provisioner.attributes().contains(attribute)) {
            throw new IntrinsicException("the resource " + logicalId + " (" + state.type() + ") has no " + attribute
                    + " (e.g. a StreamArn needs a StreamSpecification)");
        }
        throw new IntrinsicException(unsupportedAttribute(logicalId, state.type(), attribute, provisioner));
    }

    static String unsupportedAttribute(String logicalId, String type, String attribute, ResourceProvisioner provisioner) {
        return "Template error: resource " + logicalId + " does not support attribute type " + attribute
                + " in Fn::GetAtt; " + type + " has " + (provisioner.attributes().isEmpty() ? "no attributes"
                : "the attributes " + String.join(", ", new TreeSet<>(provisioner.attributes())));
    }

    private ResourceState resource(String name) {
        if (resources == null) {
            throw new IntrinsicException("Conditions can refer to parameters, pseudo parameters and mappings only, not to "
                    + (templateResources.containsKey(name) ? "the resource " : "") + name);
        }
        ResourceState state = resources.get(name);
        if (state != null) {
            return state;
        }
        TemplateResource declared = templateResources.get(name);
        if (declared != null && declared.condition() != null && !conditions.getOrDefault(declared.condition(), false)) {
            throw new IntrinsicException("the resource " + name + " is not created because its condition "
                    + declared.condition() + " is false");
        }
        if (declared != null) {
            throw new IntrinsicException("the resource " + name + " does not exist yet");
        }
        throw new IntrinsicException("Unresolved resource dependencies [" + name + "] in the Resources block of the template");
    }

    @Override
    public boolean condition(String name) {
        Boolean value = conditions.get(name);
        if (value == null) {
            throw new IntrinsicException("the condition " + name + " is not defined in the Conditions section");
        }
        return value;
    }

    @Override
    public Map<String, Object> mappings() {
        return mappings;
    }

    @Override
    public String importValue(String exportName) {
        return exports.apply(exportName).orElseThrow(() -> new IntrinsicException("No export named " + exportName
                + " found: the stack that exports it must be deployed first"));
    }

    @Override
    public String region() {
        return stack.region();
    }
}
