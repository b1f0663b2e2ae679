package com.wildrydes.localcloud.cloudformation.iam;

import java.util.Collections;
import com.wildrydes.localcloud.cloudformation.PolicyStatement;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The statements of every role the stacks created, by role ARN. */
public final class RolePolicyStore {

    private final Map<String, List<PolicyStatement>> byRole = new ConcurrentHashMap<>();

    public void put(String roleArn, List<PolicyStatement> statements) {
        byRole.put(roleArn, List.copyOf(statements));
    }

    public void remove(String roleArn) {
        byRole.remove(roleArn);
    }

    public Map<String, List<PolicyStatement>> snapshot() {
        return Collections.unmodifiableMap(new TreeMap<>(byRole));
    }
}
