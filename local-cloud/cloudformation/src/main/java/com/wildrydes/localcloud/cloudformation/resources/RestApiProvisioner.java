package com.wildrydes.localcloud.cloudformation.resources;

import com.wildrydes.localcloud.cloudformation.intrinsics.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code AWS::ApiGateway::RestApi} defined by an OpenAPI/Swagger {@code Body}, as SAM generates it.
 * Its id is derived from the stack name and logical id, so the API's URL is the same on every run.
 */
public final class RestApiProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::ApiGateway::RestApi";
    static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", ANY_METHOD);

    private final RestApiRegistry registry;

    public RestApiProvisioner(RestApiRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("Name", "Body", "Description");
    }

    @Override
    public Set<String> attributes() {
        return Set.of("RootResourceId", "RestApiId");
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String apiId = PhysicalNames.apiId(request.stack().stackName(), request.logicalId());
        Map<String, Object> body = request.map("Body");
        String name = request.optionalString("Name");
        if (name == null) {
            name = Values.optionalString(Values.optionalMap(body.get("info"), "Body.info").get("title"), "Body.info.title");
        }
        if (name == null) {
            throw new ProvisioningException("a RestApi needs a Name (or a Body with info.title)");
        }
        registry.putApi(new RestApiRegistry.Api(apiId, name, routes(body)));
        return new Provisioned(apiId, Map.of("RootResourceId", PhysicalNames.hash(apiId + "/", 10), "RestApiId", apiId));
    }

    @Override
    public Provisioned update(ResourceRequest request, ResourceState current) {
        return create(request);
    }

    @Override
    public void delete(ResourceState resource) {
        registry.removeApi(resource.physicalId());
    }

    /** The Lambda proxy routes of an OpenAPI body; any other integration is refused. */
    static List<RestApiRegistry.Route> routes(Map<String, Object> body) {
        List<RestApiRegistry.Route> routes = new ArrayList<>();
        Values.optionalMap(body.get("paths"), "Body.paths").forEach((path, operations) -> {
            if (!path.startsWith("/")) {
                throw new ProvisioningException("the API path " + path + " must start with /");
            }
            Values.map(operations, "Body.paths." + path).forEach((method, operation) -> {
                if (!METHODS.contains(method.toLowerCase(Locale.ROOT))) {
                    return;
                }
                String httpMethod = method.equalsIgnoreCase(ANY_METHOD) ? "ANY" : method.toUpperCase(Locale.ROOT);
                String where = httpMethod + " " + path;
                Map<String, Object> integration = Values.optionalMap(
                        Values.map(operation, where).get("x-amazon-apigateway-integration"), where + " integration");
                String type = Values.optionalString(integration.get("type"), where + " integration type");
                if (type == null || !type.equalsIgnoreCase("aws_proxy")) {
                    throw new ProvisioningException(where + " has the integration type " + type + "; local-cloud supports"
                            + " Lambda proxy integrations (type aws_proxy) only");
                }
                String uri = Values.string(integration.get("uri"), where + " integration uri");
                routes.add(new RestApiRegistry.Route(httpMethod, path, functionOf(uri, where)));
            });
        });
        return routes;
    }

    /** {@code arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations}. */
    private static String functionOf(String uri, String where) {
        int start = uri.indexOf("/functions/");
        int end = uri.lastIndexOf("/invocations");
        if (!uri.contains(":lambda:path/") || start < 0 || end <= start) {
            throw new ProvisioningException(where + " integration uri " + uri + " does not name a Lambda function");
        }
        return FunctionNames.bareName(uri.substring(start + "/functions/".length(), end));
    }
}
