package com.wildrydes.localcloud.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.http.AwsResponse;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.http.JsonProtocolService;
import com.wildrydes.localcloud.json.Json;

import java.util.Map;
import java.util.Set;

/**
 * SQS over awsJson1_0 ({@code X-Amz-Target: AmazonSQS.SendMessage}), which current SDKs and the AWS
 * CLI speak. Errors carry the Query protocol's code in {@code x-amzn-query-error} as SQS sends it.
 */
final class SqsJsonProtocol extends JsonProtocolService {

    private final SqsOperations operations;

    SqsJsonProtocol(SqsOperations operations) {
        this.operations = operations;
    }

    @Override
    public String signingName() {
        return "sqs";
    }

    @Override
    protected String contentType() {
        return "application/x-amz-json-1.0";
    }

    @Override
    protected String errorTypePrefix() {
        return "com.amazonaws.sqs#";
    }

    @Override
    protected String displayName() {
        return "SQS";
    }

    @Override
    public Set<String> operations() {
        return SqsOperations.OPERATIONS;
    }

    @Override
    protected JsonNode dispatch(String operation, JsonNode input) {
        return operations.dispatch(operation, input);
    }

    @Override
    protected AwsResponse error(AwsServiceException e) {
        ObjectNode body = Json.object();
        body.put("__type", errorTypePrefix() + e.errorCode());
        body.put("message", e.getMessage());
        String queryCode = e instanceof SqsError sqs ? sqs.queryCode() : e.errorCode();
        String fault = e.status() >= 500 ? "Receiver" : "Sender";
        return new AwsResponse(e.status(), Map.of(
                "Content-Type", contentType(),
                "x-amzn-ErrorType", e.errorCode(),
                "x-amzn-query-error", queryCode + ";" + fault), Json.bytes(body));
    }
}
