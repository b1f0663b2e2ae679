package com.wildrydes.localcloud.apigateway;

import java.util.List;

/** What CloudFormation needs from API Gateway to build APIs from {@code Events: Type: Api}. */
public interface ApiGatewayControl {

    /** Creates an API with one stage; its URL is {@code <edge>/restapis/<apiId>/<stageName>}. */
    RestApi createRestApi(String apiId, String name, String stageName);

    /**
     * Adds a Lambda proxy integration.
     *
     * @param httpMethod   GET, POST, ... or ANY
     * @param resourcePath as in the template, e.g. {@code /ride}, {@code /unicorn/{name}}, {@code /{proxy+}}
     */
    void addRoute(String apiId, String httpMethod, String resourcePath, String functionName);

    void deleteRestApi(String apiId);

    List<RestApi> apis();
}
