package com.wildrydes.systemtests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One service's template.yaml, with its functions' properties merged over {@code Globals.Function}. */
record ServiceTemplate(Path serviceDir, Map<String, Object> template) {

    static ServiceTemplate load(Path serviceDir) throws IOException {
        return new ServiceTemplate(serviceDir, CfnYaml.read(serviceDir.resolve("template.yaml")));
    }

    Map<String, Object> resources() {
        return map(template.get("Resources"));
    }

    Set<String> parameterNames() {
        return map(template.get("Parameters")).keySet();
    }

    Map<String, Object> globalFunctionProperties() {
        return map(map(template.get("Globals")).get("Function"));
    }

    /** Logical id → properties (Globals applied) of every {@code AWS::Serverless::Function}. */
    Map<String, Map<String, Object>> functions() {
        Map<String, Map<String, Object>> functions = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            Map<String, Object> r = map(resource);
            if ("AWS::Serverless::Function".equals(r.get("Type"))) {
                Map<String, Object> properties = new LinkedHashMap<>(globalFunctionProperties());
                properties.putAll(map(r.get("Properties")));
                functions.put(id, properties);
            }
        });
        return functions;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }
}
