package com.wildrydes.localcloud.cloudformation.resources;

import java.util.Locale;
import com.wildrydes.localcloud.cloudformation.PolicyStatement;
import com.wildrydes.localcloud.cloudformation.iam.ManagedPolicies;
import com.wildrydes.localcloud.cloudformation.iam.PolicyDocuments;
import com.wildrydes.localcloud.cloudformation.iam.RolePolicyStore;
import com.wildrydes.localcloud.cloudformation.intrinsics.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code AWS::IAM::Role}: recorded with the statements of its managed and inline policies, which is
 * what a function running with the role may call.
 */
public final class IamRoleProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::IAM::Role";

    private final RolePolicyStore policies;

    public IamRoleProvisioner(RolePolicyStore policies) {
        this.policies = policies;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("AssumeRolePolicyDocument", "ManagedPolicyArns", "Policies", "RoleName", "Description", "Tags",
                "MaxSessionDuration");
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Arn", "RoleId");
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String name = request.optionalString("RoleName");
        if (name == null) {
            name = PhysicalNames.stackScoped(request.stack().stackName(), request.logicalId(), 64);
        }
        Values.map(request.get("AssumeRolePolicyDocument"), "AssumeRolePolicyDocument");
        List<PolicyStatement> statements = new ArrayList<>();
        for (String managed : Values.strings(request.get("ManagedPolicyArns"), "ManagedPolicyArns")) {
            statements.addAll(ManagedPolicies.statements(managed));
        }
        for (Object policy : Values.listOrSingle(request.get("Policies"), "Policies")) {
            Map<String, Object> map = Values.map(policy, "Policies[]");
            String policyName = Values.string(map.get("PolicyName"), "Policies[].PolicyName");
            statements.addAll(PolicyDocuments.statements(map.get("PolicyDocument"), policyName));
        }
        String arn = "arn:aws:iam::" + request.stack().accountId() + ":role/" + name;
        policies.put(arn, statements);
        String roleId = "AROA" + PhysicalNames.hash(arn, 17).toUpperCase(Locale.ROOT);
        return new Provisioned(name, Map.of("Arn", arn, "RoleId", roleId));
    }

    @Override
    public Provisioned update(ResourceRequest request, ResourceState current) {
        policies.remove(Values.string(current.attributes().get("Arn"), "Arn"));
        return create(request);
    }

    @Override
    public void delete(ResourceState resource) {
        Object arn = resource.attributes().get("Arn");
        if (arn != null) {
            policies.remove(arn.toString());
        }
    }
}
