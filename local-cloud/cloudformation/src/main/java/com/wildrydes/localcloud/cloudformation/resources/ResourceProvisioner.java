package com.wildrydes.localcloud.cloudformation.resources;

import com.wildrydes.localcloud.cloudformation.template.TemplateResource;

import java.util.Map;
import java.util.Set;

/**
 * Creates, updates and deletes the resources of one CloudFormation type. Register one per type in
 * {@link com.wildrydes.localcloud.cloudformation.CloudFormationContext}; the engine refuses types
 * that have none.
 */
public interface ResourceProvisioner {

    /** The type it serves, e.g. {@code AWS::DynamoDB::Table}. */
    String type();

    /** The properties a template may set; any other is refused before anything is created. */
    Set<String> properties();

    /** The attributes {@code Fn::GetAtt} may ask for. */
    Set<String> attributes();

    /** Custom resources take any property, which their function interprets. */
    default boolean acceptsAnyProperty() {
        return false;
    }

    /** Custom resources answer any attribute their function returned in {@code Data}. */
    default boolean acceptsAnyAttribute() {
        return false;
    }

    /** Checks the unresolved properties before the deploy starts (required ones, literal values). */
    default void validate(StackInfo stack, TemplateResource resource) {
    }

    /**
     * State outside the template that decides, with the resolved properties, whether a redeploy must
     * update the resource: a function's rebuilt artifact, for example.
     */
    default Map<String, Object> fingerprint(ResourceRequest request) {
        return Map.of();
    }

    Provisioned create(ResourceRequest request);

    /** Applies changed properties; replacing (delete, then create) is the default. */
    default Provisioned update(ResourceRequest request, ResourceState current) {
        delete(current);
        return create(request);
    }

    /**
     * Whether an update that returned a new physical id leaves the old one to be deleted once the
     * whole stack has updated, as CloudFormation does for replaced custom resources.
     */
    default boolean deletesReplacedResourceAfterUpdate() {
        return false;
    }

    /** Removes the resource; one that is already gone is not an error. */
    void delete(ResourceState resource);
}
