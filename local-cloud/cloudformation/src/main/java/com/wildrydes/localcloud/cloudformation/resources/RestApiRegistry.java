package com.wildrydes.localcloud.cloudformation.resources;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API definitions between their CloudFormation resources: a RestApi holds routes, a Deployment
 * snapshots them, and a Stage makes a snapshot live in API Gateway, as in AWS.
 */
public final class RestApiRegistry {

    /** A Lambda proxy route: {@code GET /unicorn -> RequestUnicorn}. */
    public record Route(String method, String path, String functionName) {
    }

    public record Api(String apiId, String name, List<Route> routes) {
    }

    public record Deployment(String deploymentId, String apiId, List<Route> routes) {
    }

    private final Map<String, Api> apis = new ConcurrentHashMap<>();
    private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();

    public void putApi(Api api) {
        apis.put(api.apiId(), api);
    }

    public Optional<Api> api(String apiId) {
        return Optional.ofNullable(apis.get(apiId));
    }

    public void removeApi(String apiId) {
        apis.remove(apiId);
    }

    public void putDeployment(Deployment deployment) {
        deployments.put(deployment.deploymentId(), deployment);
    }

    public Optional<Deployment> deployment(String deploymentId) {
        return Optional.ofNullable(deployments.get(deploymentId));
    }

    public void removeDeployment(String deploymentId) {
        deployments.remove(deploymentId);
    }
}
