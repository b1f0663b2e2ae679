package com.wildrydes.localcloud.cloudformation.resources;

import java.util.HashSet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.http.JsonProtocolService;
import com.wildrydes.localcloud.json.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code AWS::DynamoDB::Table} through local DynamoDB's own API ({@code CreateTable}, {@code UpdateTable},
 * {@code DeleteTable}). A table without a TableName gets {@code <stack>-<LogicalId>-<SUFFIX>}.
 */
public final class DynamoDbTableProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::DynamoDB::Table";
    /** Changing these needs a new table; the rest is changed in place with UpdateTable. */
    private static final Set<String> IN_PLACE = Set.of("BillingMode", "ProvisionedThroughput", "Tags");
    private static final Set<String> NUMBERS = Set.of("ReadCapacityUnits", "WriteCapacityUnits");
    private static final Duration ACTIVE_WAIT = Duration.ofSeconds(10);

    private final JsonProtocolService dynamodb;

    public DynamoDbTableProvisioner(JsonProtocolService dynamodb) {
        this.dynamodb = dynamodb;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("TableName", "KeySchema", "AttributeDefinitions", "BillingMode", "ProvisionedThroughput",
                "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "StreamSpecification", "Tags");
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Arn", "StreamArn");
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String name = tableName(request);
        JsonNode output = dynamodb.call("CreateTable", createTableInput(request, name));
        JsonNode description = waitUntilActive(name, output.path("TableDescription"));
        return provisioned(request, name, description);
    }

    @Override
    public Provisioned update(ResourceRequest request, ResourceState current) {
        Set<String> changed = changedProperties(current.properties(), request.properties());
        boolean inPlace = IN_PLACE.containsAll(changed) && dynamodb.operations().contains("UpdateTable")
                && tableName(request).equals(current.physicalId());
        if (!inPlace) {
            delete(current);
            return create(request);
        }
        if (changed.contains("BillingMode") || changed.contains("ProvisionedThroughput")) {
            ObjectNode input = Json.object();
            input.put("TableName", current.physicalId());
            input.put("BillingMode", billingMode(request));
            if (request.get("ProvisionedThroughput") != null) {
                input.set("ProvisionedThroughput", Json.MAPPER.valueToTree(numbers(request.get("ProvisionedThroughput"))));
            }
            dynamodb.call("UpdateTable", input);
        }
        JsonNode description = dynamodb.call("DescribeTable", Json.object().put("TableName", current.physicalId())).path("Table");
        return provisioned(request, current.physicalId(), description);
    }

    @Override
    public void delete(ResourceState resource) {
        try {
            dynamodb.call("DeleteTable", Json.object().put("TableName", resource.physicalId()));
        } catch (AwsServiceException e) {
            if (!"ResourceNotFoundException".equals(e.errorCode())) {
                throw e;
            }
        }
    }

    private static String tableName(ResourceRequest request) {
        String given = request.optionalString("TableName");
        return given != null ? given
                : PhysicalNames.withSuffix(request.stack().stackName(), request.stack().stackName(), request.logicalId(), 255);
    }

    private static String billingMode(ResourceRequest request) {
        String mode = request.optionalString("BillingMode");
        mode = mode == null ? "PROVISIONED" : mode;
        if (!mode.equals("PROVISIONED") && !mode.equals("PAY_PER_REQUEST")) {
            throw new ProvisioningException("BillingMode " + mode + " is not valid; use PROVISIONED or PAY_PER_REQUEST");
        }
        if (mode.equals("PROVISIONED") && request.get("ProvisionedThroughput") == null) {
            throw new ProvisioningException("ProvisionedThroughput is required when BillingMode is PROVISIONED (the default);"
                    + " set BillingMode: PAY_PER_REQUEST for on-demand");
        }
        return mode;
    }

    private static ObjectNode createTableInput(ResourceRequest request, String name) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("TableName", name);
        input.put("KeySchema", required(request, "KeySchema"));
        input.put("AttributeDefinitions", required(request, "AttributeDefinitions"));
        input.put("BillingMode", billingMode(request));
        for (String key : List.of("ProvisionedThroughput", "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "Tags")) {
            if (request.get(key) != null) {
                input.put(key, numbers(request.get(key)));
            }
        }
        Map<String, Object> stream = request.map("StreamSpecification");
        if (!stream.isEmpty()) {
            input.put("StreamSpecification", Map.of("StreamEnabled", true,
                    "StreamViewType", Values.string(stream.get("StreamViewType"), "StreamSpecification.StreamViewType")));
        }
        return Json.MAPPER.valueToTree(input);
    }

    private static Object required(ResourceRequest request, String property) {
        Object value = request.get(property);
        if (value == null) {
            throw new ProvisioningException("the property " + property + " is required");
        }
        return value;
    }

    /** Capacity units arrive as strings when they come from parameters; DynamoDB wants numbers. */
    private static Object numbers(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, NUMBERS.contains((String) k)
                    ? Values.longValue(v, (String) k) : numbers(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(numbers(v)));
            return out;
        }
        return value;
    }

    private JsonNode waitUntilActive(String name, JsonNode description) {
        Instant deadline = Instant.now().plus(ACTIVE_WAIT);
        JsonNode current = description;
        while ("CREATING".equals(current.path("TableStatus").asText()) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProvisioningException("interrupted while waiting for table " + name);
            }
            current = dynamodb.call("DescribeTable", Json.object().put("TableName", name)).path("Table");
        }
        return current;
    }

    private static Provisioned provisioned(ResourceRequest request, String name, JsonNode description) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        String arn = description.path("TableArn").asText("");
        attributes.put("Arn", arn.isEmpty()
                ? "arn:aws:dynamodb:" + request.stack().region() + ":" + request.stack().accountId() + ":table/" + name : arn);
        String streamArn = description.path("LatestStreamArn").asText("");
        if (!streamArn.isEmpty()) {
            attributes.put("StreamArn", streamArn);
        }
        return new Provisioned(name, attributes);
    }

    private static Set<String> changedProperties(Map<String, Object> before, Map<String, Object> after) {
        Set<String> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.removeIf(key -> Objects.equals(before.get(key), after.get(key)));
        return keys;
    }
}
