package com.wildrydes.localcloud.sqs.cloudformation;

import com.wildrydes.localcloud.cloudformation.resources.Provisioned;
import com.wildrydes.localcloud.cloudformation.resources.ProvisioningException;
import com.wildrydes.localcloud.cloudformation.resources.ResourceRequest;
import com.wildrydes.localcloud.cloudformation.resources.StackInfo;
import com.wildrydes.localcloud.sqs.SqsService;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqsQueuePolicyProvisionerTest {

    private static final StackInfo STACK = new StackInfo("rides", "arn:aws:cloudformation:us-east-1:000000000000:stack/rides/1",
            Path.of("."), "rides/template.yaml", "us-east-1", "000000000000");
    private static final Map<String, Object> SNS_MAY_SEND = Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
            "Effect", "Allow", "Principal", Map.of("Service", "sns.amazonaws.com"), "Action", "sqs:SendMessage",
            "Resource", "*")));

    private final SqsService sqs = new SqsService("http://127.0.0.1:4566");
    private final SqsQueuePolicyProvisioner provisioner = new SqsQueuePolicyProvisioner(sqs);

    private static ResourceRequest request(Map<String, Object> properties) {
        return new ResourceRequest(STACK, "RideQueuePolicy", SqsQueuePolicyProvisioner.TYPE, properties);
    }

    @Test
    void recordsAPolicyForExistingQueues() {
        String url = sqs.createQueue("rides", Map.of(), Map.of()).url();

        Provisioned policy = provisioner.create(request(Map.of("PolicyDocument", SNS_MAY_SEND, "Queues", List.of(url))));

        assertThat(policy.physicalId()).matches("rides-RideQueuePolicy-[A-Z0-9]{12}");
        assertThat(policy.attributes()).containsEntry("Id", policy.physicalId());
    }

    @Test
    void refusesQueuesThatDoNotExist() {
        assertThatThrownBy(() -> provisioner.create(request(Map.of("PolicyDocument", SNS_MAY_SEND,
                "Queues", List.of("http://127.0.0.1:4566/000000000000/missing")))))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("Queues names http://127.0.0.1:4566/000000000000/missing, which is not an existing queue's URL");
        assertThatThrownBy(() -> provisioner.create(request(Map.of("PolicyDocument", SNS_MAY_SEND))))
                .hasMessageContaining("Queues must list at least one queue URL");
    }

    @Test
    void refusesADocumentWithoutStatements() {
        String url = sqs.createQueue("rides", Map.of(), Map.of()).url();

        assertThatThrownBy(() -> provisioner.create(request(Map.of("PolicyDocument", Map.of("Version", "2012-10-17"),
                "Queues", List.of(url)))))
                .hasMessage("PolicyDocument must be a policy document with a Statement");
    }
}
