package com.wildrydes.localcloud.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service that speaks one of AWS's JSON protocols (awsJson1_0, awsJson1_1): the operation comes
 * from {@code X-Amz-Target}, input and output are JSON objects, and errors carry {@code __type}.
 */
public abstract class JsonProtocolService implements AwsService {

    /** {@code application/x-amz-json-1.0} or {@code application/x-amz-json-1.1}. */
    protected abstract String contentType();

    /** Prepended to error codes in {@code __type}, e.g. {@code com.amazonaws.dynamodb.v20120810#}; may be empty. */
    protected abstract String errorTypePrefix();

    /** The human name used in messages, e.g. "DynamoDB". */
    protected abstract String displayName();

    /** Every operation this service supports; anything else is refused with this list. */
    public abstract Set<String> operations();

    /** Runs one supported operation. Client errors are thrown as {@link AwsServiceException}. */
    protected abstract JsonNode dispatch(String operation, JsonNode input);

    @Override
    public final AwsResponse handle(AwsRequest request) {
        try {
            String operation = request.targetOperation();
            JsonNode input;
            try {
                input = Json.parse(request.body());
            } catch (IOException e) {
                throw AwsServiceException.badRequest("SerializationException", "Start of structure or map found where not expected.");
            }
            JsonNode output = call(operation, input);
            return AwsResponse.of(200, contentType(), Json.bytes(output));
        } catch (AwsServiceException e) {
            return error(e);
        }
    }

    /** Runs an operation in-process (as the CloudFormation engine does); throws AWS's error on failure. */
    public final JsonNode call(String operation, JsonNode input) {
        if (operation == null || !operations().contains(operation)) {
            throw AwsServiceException.badRequest("UnknownOperationException",
                    "local-cloud " + displayName() + " does not support the operation " + operation
                            + "; supported operations: " + String.join(", ", new TreeSet<>(operations())));
        }
        JsonNode output = dispatch(operation, input == null ? Json.object() : input);
        return output == null ? Json.object() : output;
    }

    protected AwsResponse error(AwsServiceException e) {
        ObjectNode body = Json.object();
        body.put("__type", errorTypePrefix() + e.errorCode());
        body.put("message", e.getMessage());
        return new AwsResponse(e.status(), java.util.Map.of(
                "Content-Type", contentType(),
                "x-amzn-ErrorType", e.errorCode()), Json.bytes(body));
    }
}
