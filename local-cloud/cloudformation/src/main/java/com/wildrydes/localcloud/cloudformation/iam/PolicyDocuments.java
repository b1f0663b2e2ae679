package com.wildrydes.localcloud.cloudformation.iam;

import com.wildrydes.localcloud.cloudformation.PolicyStatement;
import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.cloudformation.resources.ProvisioningException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads IAM policy documents ({@code Version}, {@code Statement}) into {@link PolicyStatement}s. */
public final class PolicyDocuments {

    private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Action", "Resource", "Condition");

    private PolicyDocuments() {
    }

    public static List<PolicyStatement> statements(Object document, String source) {
        Map<String, Object> map = Values.map(document, source + " PolicyDocument");
        for (String key : map.keySet()) {
            if (!key.equals("Version") && !key.equals("Statement") && !key.equals("Id")) {
                throw new ProvisioningException(source + ": a policy document has Version and Statement, not " + key);
            }
        }
        List<PolicyStatement> out = new ArrayList<>();
        for (Object statement : Values.listOrSingle(map.get("Statement"), source + " Statement")) {
            out.add(statement(Values.map(statement, source + " Statement"), source));
        }
        return out;
    }

    public static PolicyStatement statement(Map<String, Object> statement, String source) {
        for (String key : statement.keySet()) {
            if (!STATEMENT_KEYS.contains(key)) {
                throw new ProvisioningException(source + ": the policy statement key " + key + " is not supported by local-cloud;"
                        + " supported keys: " + String.join(", ", new TreeSet<>(STATEMENT_KEYS)));
            }
        }
        String effect = Values.string(statement.get("Effect"), source + " Statement.Effect");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new ProvisioningException(source + ": Effect must be Allow or Deny, not " + effect);
        }
        List<String> actions = Values.strings(statement.get("Action"), source + " Statement.Action");
        List<String> resources = Values.strings(statement.get("Resource"), source + " Statement.Resource");
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new ProvisioningException(source + ": every policy statement needs an Action and a Resource");
        }
        return new PolicyStatement(effect, actions, resources,
                Values.optionalMap(statement.get("Condition"), source + " Statement.Condition"), source);
    }
}
