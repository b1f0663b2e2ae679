package com.wildrydes.localcloud.cloudformation.resources;

import java.util.Set;

/**
 * {@code AWS::Lambda::Permission}: who may invoke a function. local-cloud's services call functions
 * directly, so the permission is checked for shape and recorded with the stack, nothing more.
 */
public final class LambdaPermissionProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::Lambda::Permission";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("Action", "FunctionName", "Principal", "SourceArn", "SourceAccount", "EventSourceToken",
                "PrincipalOrgID", "FunctionUrlAuthType");
    }

    @Override
    public Set<String> attributes() {
        return Set.of();
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String action = request.string("Action");
        if (!action.startsWith("lambda:")) {
            throw new ProvisioningException("Action " + action + " is not a Lambda action (e.g. lambda:InvokeFunction)");
        }
        FunctionNames.bareName(request.string("FunctionName"));
        request.string("Principal");
        return Provisioned.of(PhysicalNames.withSuffix(request.stack().stackName(), request.stack().stackName(),
                request.logicalId(), 128));
    }

    @Override
    public Provisioned update(ResourceRequest request, ResourceState current) {
        return create(request);
    }

    @Override
    public void delete(ResourceState resource) {
        // Nothing outside the stack's record.
    }
}
