package com.wildrydes.localcloud.cloudformation.sam;

import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code AWS::Serverless::SimpleTable}: a table with a single hash key, on-demand unless it sets throughput. */
final class SimpleTableTransform {

    static final String TYPE = "AWS::Serverless::SimpleTable";
    static final Set<String> PROPERTIES = Set.of("PrimaryKey", "ProvisionedThroughput", "TableName", "Tags");
    private static final Map<String, String> KEY_TYPES = Map.of("String", "S", "Number", "N", "Binary", "B");

    private SimpleTableTransform() {
    }

    static TemplateResource toTable(TemplateResource simple) {
        Map<String, Object> properties = simple.properties();
        for (String key : properties.keySet()) {
            if (!PROPERTIES.contains(key)) {
                throw new SamException("the property " + key + " is not supported by local-cloud; supported properties: "
                        + String.join(", ", new TreeSet<>(PROPERTIES)));
            }
        }
        Map<String, Object> key = properties.get("PrimaryKey") == null
                ? Map.of("Name", "id", "Type", "String")
                : Values.map(properties.get("PrimaryKey"), "PrimaryKey");
        Object name = key.get("Name");
        String type = Values.string(key.getOrDefault("Type", "String"), "PrimaryKey.Type");
        if (name == null || !KEY_TYPES.containsKey(type)) {
            throw new SamException("PrimaryKey needs a Name and a Type of String, Number or Binary");
        }
        Map<String, Object> table = new LinkedHashMap<>();
        if (properties.get("TableName") != null) {
            table.put("TableName", properties.get("TableName"));
        }
        table.put("KeySchema", List.of(Map.of("AttributeName", Values.copy(name), "KeyType", "HASH")));
        table.put("AttributeDefinitions", List.of(Map.of("AttributeName", Values.copy(name), "AttributeType", KEY_TYPES.get(type))));
        if (properties.get("ProvisionedThroughput") != null) {
            table.put("ProvisionedThroughput", properties.get("ProvisionedThroughput"));
        } else {
            table.put("BillingMode", "PAY_PER_REQUEST");
        }
        if (properties.get("Tags") != null) {
            List<Object> tags = new ArrayList<>();
            Values.map(properties.get("Tags"), "Tags").forEach((k, v) -> tags.add(Map.of("Key", k, "Value", v)));
            table.put("Tags", tags);
        }
        return new TemplateResource(simple.logicalId(), "AWS::DynamoDB::Table", table, simple.dependsOn(), simple.condition());
    }
}
