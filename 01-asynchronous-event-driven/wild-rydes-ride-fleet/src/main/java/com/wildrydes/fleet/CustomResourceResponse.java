package com.wildrydes.fleet;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.annotations.SerializedName;
import java.util.Map;

/** What CloudFormation expects at the ResponseURL; it echoes the request's ids so CloudFormation can match it. */
public record CustomResourceResponse(
        @SerializedName("Status") String status,
        @SerializedName("Reason") String reason,
        @SerializedName("PhysicalResourceId") String physicalResourceId,
        @SerializedName("StackId") String stackId,
        @SerializedName("RequestId") String requestId,
        @SerializedName("LogicalResourceId") String logicalResourceId,
        @SerializedName("Data") Map<String, Object> data) {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILED = "FAILED";

    // CloudFormation rejects responses over 4 KB; a long exception message must not push the reason past that.
    private static final int MAX_REASON_LENGTH = 1024;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    public CustomResourceResponse {
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
        }
    }

    public static CustomResourceResponse success(CustomResourceRequest request, String physicalResourceId,
            String reason, Map<String, Object> data) {
        return new CustomResourceResponse(SUCCESS, reason, physicalResourceId, request.stackId(),
                request.requestId(), request.logicalResourceId(), data);
    }

    public static CustomResourceResponse failed(CustomResourceRequest request, String physicalResourceId,
            String reason) {
        return new CustomResourceResponse(FAILED, reason, physicalResourceId, request.stackId(),
                request.requestId(), request.logicalResourceId(), null);
    }

    /** The body to PUT; an absent Data is left out rather than sent as null. */
    public String toJson() {
        return GSON.toJson(this);
    }
}
