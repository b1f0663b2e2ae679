package com.wildrydes.localcloud.sqs.cloudformation;

import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.cloudformation.resources.PhysicalNames;
import com.wildrydes.localcloud.cloudformation.resources.Provisioned;
import com.wildrydes.localcloud.cloudformation.resources.ProvisioningException;
import com.wildrydes.localcloud.cloudformation.resources.ResourceProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.ResourceRequest;
import com.wildrydes.localcloud.cloudformation.resources.ResourceState;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.sqs.SqsService;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code AWS::SQS::QueuePolicy}: who may send to a queue, typically an SNS topic. local-cloud does not
 * enforce resource policies, so the policy is checked for shape, its queues for existence, and it is
 * recorded with the stack; templates that grant SNS delivery to a queue deploy unchanged.
 */
public final class SqsQueuePolicyProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::SQS::QueuePolicy";

    private final SqsService sqs;

    public SqsQueuePolicyProvisioner(SqsService sqs) {
        this.sqs = sqs;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("PolicyDocument", "Queues");
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
        List<String> queues = Values.strings(request.get("Queues"), "Queues");
        if (queues.isEmpty()) {
            throw new ProvisioningException("Queues must list at least one queue URL (e.g. !Ref Queue)");
        }
        for (String queue : queues) {
            try {
                sqs.queue(queue);
            } catch (AwsServiceException e) {
                throw new ProvisioningException("Queues names " + queue + ", which is not an existing queue's URL: " + e.getMessage());
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
