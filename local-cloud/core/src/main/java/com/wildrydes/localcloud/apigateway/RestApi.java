package com.wildrydes.localcloud.apigateway;

/**
 * A REST API (v1) and its single deployed stage.
 *
 * @param apiId   the id that stands in execute-api host names, e.g. {@code a1b2c3d4e5}
 * @param baseUrl the stage's local invoke URL, e.g. {@code http://127.0.0.1:4566/restapis/a1b2c3d4e5/Prod}
 */
public record RestApi(String apiId, String name, String stageName, String baseUrl) {
}
