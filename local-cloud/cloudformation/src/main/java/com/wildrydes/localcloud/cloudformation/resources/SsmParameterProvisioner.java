package com.wildrydes.localcloud.cloudformation.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.http.JsonProtocolService;
import com.wildrydes.localcloud.json.Json;

import java.util.Map;
import java.util.Set;

/**
 * {@code AWS::SSM::Parameter} through local SSM's own API. This is how stacks publish values
 * (an API URL, a function ARN) for other stacks to read as SSM-typed parameters.
 */
public final class SsmParameterProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::SSM::Parameter";
    private static final Set<String> TYPES = Set.of("String", "StringList");

    private final JsonProtocolService ssm;

    public SsmParameterProvisioner(JsonProtocolService ssm) {
        this.ssm = ssm;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("Name", "Type", "Value", "Description", "AllowedPattern", "Tier", "DataType", "Tags");
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Type", "Value");
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String name = name(request);
        ssm.call("PutParameter", input(request, name, false));
        return provisioned(request, name);
    }

    @Override
    public Provisioned update(ResourceRequest request, ResourceState current) {
        String name = name(request);
        if (!name.equals(current.physicalId())) {
            Provisioned created = create(request);
            delete(current);
            return created;
        }
        ssm.call("PutParameter", input(request, name, true));
        return provisioned(request, name);
    }

    @Override
    public void delete(ResourceState resource) {
        try {
            ssm.call("DeleteParameter", Json.object().put("Name", resource.physicalId()));
        } catch (AwsServiceException e) {
            if (!"ParameterNotFound".equals(e.errorCode())) {
                throw e;
            }
        }
    }

    private static String name(ResourceRequest request) {
        String given = request.optionalString("Name");
        return given != null ? given : PhysicalNames.withSuffix("CFN", request.stack().stackName(), request.logicalId(), 2048);
    }

    private static ObjectNode input(ResourceRequest request, String name, boolean overwrite) {
        String type = request.string("Type");
        if (!TYPES.contains(type)) {
            throw new ProvisioningException("Type " + type + " is not supported for AWS::SSM::Parameter (CloudFormation cannot"
                    + " create SecureString parameters); supported types: String, StringList");
        }
        ObjectNode input = Json.object();
        input.put("Name", name);
        input.put("Value", request.string("Value"));
        input.put("Type", type);
        for (String optional : new String[]{"Description", "AllowedPattern", "Tier", "DataType"}) {
            if (request.get(optional) != null) {
                input.put(optional, request.string(optional));
            }
        }
        if (overwrite) {
            // SSM refuses Tags together with Overwrite; tags stay as they were created.
            input.put("Overwrite", true);
        } else if (!request.map("Tags").isEmpty()) {
            ArrayNode tags = input.putArray("Tags");
            request.map("Tags").forEach((k, v) -> tags.addObject().put("Key", k).put("Value", String.valueOf(v)));
        }
        return input;
    }

    private static Provisioned provisioned(ResourceRequest request, String name) {
        return new Provisioned(name, Map.of("Type", request.string("Type"), "Value", request.string("Value")));
    }
}
