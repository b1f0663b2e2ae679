package com.wildrydes.localcloud.cloudformation.resources;

import com.wildrydes.localcloud.apigateway.ApiGatewayControl;

import java.util.Set;

/**
 * {@code AWS::ApiGateway::Stage}: where an API becomes callable. local-cloud's API Gateway serves
 * one stage per API, so the stage creates the API there with its deployment's routes.
 */
public final class ApiStageProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::ApiGateway::Stage";

    private final RestApiRegistry registry;
    private final ApiGatewayControl apiGateway;

    public ApiStageProvisioner(RestApiRegistry registry, ApiGatewayControl apiGateway) {
        this.registry = registry;
        this.apiGateway = apiGateway;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("RestApiId", "DeploymentId", "StageName", "Description", "TracingEnabled");
    }

    @Override
    public Set<String> attributes() {
        return Set.of();
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String apiId = request.string("RestApiId");
        String stageName = request.string("StageName");
        if (!stageName.matches("[a-zA-Z0-9_]{1,128}")) {
            throw new ProvisioningException("StageName " + stageName + " is not valid: use letters, digits and _");
        }
        String deploymentId = request.string("DeploymentId");
        RestApiRegistry.Deployment deployment = registry.deployment(deploymentId).orElseThrow(() ->
                new ProvisioningException("DeploymentId " + deploymentId + " is not a deployment created by a local-cloud stack"));
        if (!deployment.apiId().equals(apiId)) {
            throw new ProvisioningException("DeploymentId " + deploymentId + " belongs to the API " + deployment.apiId() + ", not " + apiId);
        }
        String name = registry.api(apiId).map(RestApiRegistry.Api::name).orElse(apiId);
        apiGateway.createRestApi(apiId, name, stageName);
        try {
            for (RestApiRegistry.Route route : deployment.routes()) {
                apiGateway.addRoute(apiId, route.method(), route.path(), route.functionName());
            }
        } catch (RuntimeException e) {
            apiGateway.deleteRestApi(apiId);
            throw e;
        }
        return Provisioned.of(stageName);
    }

    @Override
    public void delete(ResourceState resource) {
        apiGateway.deleteRestApi(String.valueOf(resource.properties().get("RestApiId")));
    }
}
