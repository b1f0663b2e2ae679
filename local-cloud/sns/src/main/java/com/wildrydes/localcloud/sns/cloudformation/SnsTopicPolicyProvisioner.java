package com.wildrydes.localcloud.sns.cloudformation;

import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.cloudformation.resources.PhysicalNames;
import com.wildrydes.localcloud.cloudformation.resources.Provisioned;
import com.wildrydes.localcloud.cloudformation.resources.ProvisioningException;
import com.wildrydes.localcloud.cloudformation.resources.ResourceProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.ResourceRequest;
import com.wildrydes.localcloud.cloudformation.resources.ResourceState;
import com.wildrydes.localcloud.sns.SnsService;
import com.wildrydes.localcloud.sns.TopicView;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code AWS::SNS::TopicPolicy}: who may publish to or subscribe to a topic. local-cloud does not
 * enforce resource policies, so the policy is checked for shape, its topics for existence, and it is
 * recorded with the stack.
 */
public final class SnsTopicPolicyProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::SNS::TopicPolicy";

    private final SnsService sns;

    public SnsTopicPolicyProvisioner(SnsService sns) {
        this.sns = sns;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("PolicyDocument", "Topics");
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Id");
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        Object document = request.get("PolicyDocument");
        if (document == null || !Values.map(document, "PolicyDocument").containsKey("Statement")) {
            throw new ProvisioningException("PolicyDocument must be a policy document with a Statement");
        }
        List<String> topics = Values.strings(request.get("Topics"), "Topics");
        if (topics.isEmpty()) {
            throw new ProvisioningException("Topics must list at least one topic ARN (e.g. !Ref Topic)");
        }
        Set<String> existing = sns.topics().stream().map(TopicView::arn).collect(Collectors.toSet());
        for (String topic : topics) {
            if (!existing.contains(topic)) {
                throw new ProvisioningException("Topics names " + topic + ", which is not an existing topic's ARN");
            }
        }
        String id = PhysicalNames.withSuffix(request.stack().stackName(), request.stack().stackName(), request.logicalId(), 128);
        return new Provisioned(id, Map.of("Id", id));
    }

    @Override
    public Provisioned update(ResourceRequest request, ResourceState current) {
        return create(request);
    }

    @Override
    public void delete(ResourceState resource) {
        // Nothing outside the stack's record.
    }
}
