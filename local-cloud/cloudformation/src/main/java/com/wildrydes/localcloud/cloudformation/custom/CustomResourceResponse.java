package com.wildrydes.localcloud.cloudformation.custom;

import java.util.Map;

/**
 * What a custom resource's function PUT to its ResponseURL.
 *
 * @param status SUCCESS or FAILED
 * @param data   what {@code Fn::GetAtt Resource.Key} returns
 */
public record CustomResourceResponse(String status, String reason, String physicalResourceId, Map<String, Object> data) {

    public boolean succeeded() {
        return "SUCCESS".equals(status);
    }
}
