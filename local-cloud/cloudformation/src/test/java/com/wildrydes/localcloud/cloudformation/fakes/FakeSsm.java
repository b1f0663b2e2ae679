package com.wildrydes.localcloud.cloudformation.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.http.JsonProtocolService;
import com.wildrydes.localcloud.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SSM Parameter Store's basic operations in memory, with AWS's error codes. */
public final class FakeSsm extends JsonProtocolService {

    public final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<String> journal;

    public FakeSsm(List<String> journal) {
        this.journal = journal;
    }

    @Override
    public String signingName() {
        return "ssm";
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
        return "SSM";
    }

    @Override
    public Set<String> operations() {
        return Set.of("PutParameter", "GetParameter", "DeleteParameter");
    }

    @Override
    protected synchronized JsonNode dispatch(String operation, JsonNode input) {
        String name = input.path("Name").asText();
        if (!operation.equals("GetParameter")) {
            journal.add("ssm:" + operation + " " + name);
        }
        return switch (operation) {
            case "PutParameter" -> {
                if (parameters.containsKey(name) && !input.path("Overwrite").asBoolean(false)) {
                    throw AwsServiceException.badRequest("ParameterAlreadyExists", "The parameter already exists.");
                }
                if (input.has("Tags") && input.path("Overwrite").asBoolean(false)) {
                    throw AwsServiceException.badRequest("ValidationException", "Invalid request: tags and overwrite can't be used together.");
                }
                parameters.put(name, input.path("Value").asText());
                yield Json.object().put("Version", 1);
            }
            case "GetParameter" -> {
                String value = parameters.get(name);
                if (value == null) {
                    throw AwsServiceException.badRequest("ParameterNotFound", "");
                }
                ObjectNode parameter = Json.object().put("Name", name).put("Type", "String").put("Value", value);
                yield Json.object().set("Parameter", parameter);
            }
            case "DeleteParameter" -> {
                if (parameters.remove(name) == null) {
                    throw AwsServiceException.badRequest("ParameterNotFound", "");
                }
                yield Json.object();
            }
            default -> throw new IllegalStateException(operation);
        };
    }

    public synchronized Map<String, String> snapshot() {
        return new LinkedHashMap<>(parameters);
    }
}
