package com.wildrydes.localcloud.cloudformation.fakes;

import com.wildrydes.localcloud.apigateway.ApiGatewayControl;
import com.wildrydes.localcloud.apigateway.RestApi;
import com.wildrydes.localcloud.http.AwsServiceException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** API Gateway's control plane in memory: APIs and their routes as "METHOD /path -> function". */
public final class FakeApiGateway implements ApiGatewayControl {

    private final Supplier<String> edgeUrl;
    private final Map<String, RestApi> apis = new LinkedHashMap<>();
    private final Map<String, List<String>> routes = new LinkedHashMap<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();

    private final List<String> journal;

    public FakeApiGateway(Supplier<String> edgeUrl, List<String> journal) {
        this.edgeUrl = edgeUrl;
        this.journal = journal;
    }

    @Override
    public synchronized RestApi createRestApi(String apiId, String name, String stageName) {
        if (apis.containsKey(apiId)) {
            throw new AwsServiceException(409, "ConflictException", "API " + apiId + " exists");
        }
        RestApi api = new RestApi(apiId, name, stageName, edgeUrl.get() + "/restapis/" + apiId + "/" + stageName);
        apis.put(apiId, api);
        routes.put(apiId, new ArrayList<>());
        calls.add("createRestApi " + apiId + " " + name + " " + stageName);
        journal.add("apigateway:create " + apiId);
        return api;
    }

    @Override
    public synchronized void addRoute(String apiId, String httpMethod, String resourcePath, String functionName) {
        if (!apis.containsKey(apiId)) {
            throw new AwsServiceException(404, "NotFoundException", "Invalid API identifier specified " + apiId);
        }
        routes.get(apiId).add(httpMethod + " " + resourcePath + " -> " + functionName);
    }

    @Override
    public synchronized void deleteRestApi(String apiId) {
        apis.remove(apiId);
        routes.remove(apiId);
        calls.add("deleteRestApi " + apiId);
        journal.add("apigateway:delete " + apiId);
    }

    @Override
    public synchronized List<RestApi> apis() {
        return new ArrayList<>(apis.values());
    }

    public synchronized List<String> routes(String apiId) {
        return List.copyOf(routes.getOrDefault(apiId, List.of()));
    }
}
