package com.wildrydes.localcloud.apigateway;

/**
 * One method of one resource, integrated with a Lambda function by proxy.
 *
 * @param httpMethod GET, POST, ... or ANY
 * @param resourceId the resource's id as the event reports it (stable per path)
 */
record Route(String httpMethod, ResourcePath resource, String functionName, String resourceId) {

    boolean accepts(String method) {
        return httpMethod.equals("ANY") || httpMethod.equals(method);
    }
}
