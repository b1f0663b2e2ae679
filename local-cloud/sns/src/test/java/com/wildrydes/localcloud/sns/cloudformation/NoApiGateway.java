package com.wildrydes.localcloud.sns.cloudformation;

import com.wildrydes.localcloud.apigateway.ApiGatewayControl;
import com.wildrydes.localcloud.apigateway.RestApi;

import java.util.List;

/** API Gateway for templates without APIs: it serves none, and refuses to make one. */
final class NoApiGateway implements ApiGatewayControl {

    @Override
    public RestApi createRestApi(String apiId, String name, String stageName) {
        throw new UnsupportedOperationException("the templates under test have no API");
    }

    @Override
    public void addRoute(String apiId, String httpMethod, String resourcePath, String functionName) {
        throw new UnsupportedOperationException("the templates under test have no API");
    }

    @Override
    public void deleteRestApi(String apiId) {
        throw new UnsupportedOperationException("the templates under test have no API");
    }

    @Override
    public List<RestApi> apis() {
        return List.of();
    }
}
