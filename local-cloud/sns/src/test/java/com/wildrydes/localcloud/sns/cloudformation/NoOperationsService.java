package com.wildrydes.localcloud.sns.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.http.JsonProtocolService;

import java.util.Locale;
import java.util.Set;

/** DynamoDB or SSM for templates that use neither: every call is refused as an unsupported operation. */
final class NoOperationsService extends JsonProtocolService {

    private final String name;

    NoOperationsService(String name) {
        this.name = name;
    }

    @Override
    public String signingName() {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    protected String contentType() {
        return "application/x-amz-json-1.1";
    }

    @Override
    protected String errorTypePrefix() {
        return "";
    }

    @Override
    protected String displayName() {
        return name;
    }

    @Override
    public Set<String> operations() {
        return Set.of();
    }

    @Override
    protected JsonNode dispatch(String operation, JsonNode input) {
        throw new IllegalStateException("no operation reaches here: " + operation);
    }
}
