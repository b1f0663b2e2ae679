package com.wildrydes.localcloud.cloudformation.sam;

import com.wildrydes.localcloud.cloudformation.iam.ManagedPolicies;
import com.wildrydes.localcloud.cloudformation.intrinsics.Intrinsics;
import com.wildrydes.localcloud.cloudformation.intrinsics.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SAM function's {@code Policies} turned into its role's {@code ManagedPolicyArns} and inline
 * {@code Policies}: managed policy names become ARNs, policy templates become statements, and
 * {@code Statement} documents are kept as written.
 */
final class SamPolicies {

    private final List<Object> managedPolicyArns = new ArrayList<>();
    private final List<Object> documents = new ArrayList<>();

    SamPolicies() {
        managedPolicyArns.add(ManagedPolicies.BASIC_EXECUTION_ROLE);
    }

    /** One {@code Policies} entry, or a list of them. */
    void add(Object policies) {
        for (Object entry : Values.listOrSingle(policies, "Policies")) {
            addEntry(entry);
        }
    }

    void addStatement(String action, Object resource) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Action", action);
        statement.put("Resource", Values.copy(resource));
        documents.add(Map.of("Statement", List.of(statement)));
    }

    private void addEntry(Object entry) {
        if (entry instanceof String name) {
            String arn = ManagedPolicies.arn(name).orElseThrow(() -> new SamException("Policies: " + name
                    + " is neither a managed policy local-cloud knows nor a policy template; supported managed policies: "
                    + ManagedPolicies.supported() + "; supported policy templates: " + PolicyTemplates.supported()));
            if (!managedPolicyArns.contains(arn)) {
                managedPolicyArns.add(arn);
            }
            return;
        }
        String function = Intrinsics.functionName(entry);
        if (function != null) {
            if (function.equals("Fn::If")) {
                throw new SamException("Policies: Fn::If around a policy is not supported by local-cloud; put the condition"
                        + " inside the policy's values instead");
            }
            managedPolicyArns.add(Values.copy(entry));
            return;
        }
        Map<String, Object> map = Values.map(entry, "Policies entry");
        if (map.containsKey("Statement")) {
            documents.add(Values.copy(map));
            return;
        }
        if (map.size() == 1 && PolicyTemplates.isTemplate(map.keySet().iterator().next())) {
            String name = map.keySet().iterator().next();
            documents.add(PolicyTemplates.document(name, map.get(name)));
            return;
        }
        throw new SamException("Policies: " + map.keySet() + " is not a policy template local-cloud knows or a Statement"
                + " document; supported policy templates: " + PolicyTemplates.supported());
    }

    /** The role's properties: AssumeRolePolicyDocument for Lambda, ManagedPolicyArns and Policies named {@code <Role>Policy<N>}. */
    Map<String, Object> roleProperties(String roleLogicalId) {
        Map<String, Object> role = new LinkedHashMap<>();
        Map<String, Object> trust = new LinkedHashMap<>();
        trust.put("Action", List.of("sts:AssumeRole"));
        trust.put("Effect", "Allow");
        trust.put("Principal", Map.of("Service", List.of("lambda.amazonaws.com")));
        role.put("AssumeRolePolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(trust)));
        role.put("ManagedPolicyArns", new ArrayList<>(managedPolicyArns));
        if (!documents.isEmpty()) {
            List<Object> inline = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                Map<String, Object> policy = new LinkedHashMap<>();
                policy.put("PolicyName", roleLogicalId + "Policy" + i);
                policy.put("PolicyDocument", documents.get(i));
                inline.add(policy);
            }
            role.put("Policies", inline);
        }
        return role;
    }
}
