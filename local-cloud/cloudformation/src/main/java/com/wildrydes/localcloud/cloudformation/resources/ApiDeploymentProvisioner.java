package com.wildrydes.localcloud.cloudformation.resources;

import java.util.Map;
import java.util.Set;

/** {@code AWS::ApiGateway::Deployment}: a snapshot of an API's routes, which a Stage then serves. */
public final class ApiDeploymentProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::ApiGateway::Deployment";

    private final RestApiRegistry registry;

    public ApiDeploymentProvisioner(RestApiRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("RestApiId", "Description");
    }

    @Override
    public Set<String> attributes() {
        return Set.of("DeploymentId");
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String apiId = request.string("RestApiId");
        RestApiRegistry.Api api = registry.api(apiId).orElseThrow(() -> new ProvisioningException(
                "RestApiId " + apiId + " is not a RestApi created by a local-cloud stack"));
        String deploymentId = PhysicalNames.hash(request.stack().stackName() + "/" + request.logicalId() + "/" + apiId, 6);
        registry.putDeployment(new RestApiRegistry.Deployment(deploymentId, apiId, api.routes()));
        return new Provisioned(deploymentId, Map.of("DeploymentId", deploymentId));
    }

    @Override
    public void delete(ResourceState resource) {
        registry.removeDeployment(resource.physicalId());
    }
}
