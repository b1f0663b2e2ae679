package com.wildrydes.record;

import java.util.Map;

/** Reads the function's configuration, failing at cold start with the name of whatever is missing. */
public final class RequiredEnvironment {

    private final Map<String, String> variables;

    public RequiredEnvironment(Map<String, String> variables) {
        this.variables = variables;
    }

    public static RequiredEnvironment ofSystem() {
        return new RequiredEnvironment(System.getenv());
    }

    public String get(String name) {
        var value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set; the function's "
                    + "template.yaml (or the Lambda runtime, for AWS_REGION) must provide it");
        }
        return value;
    }
}
