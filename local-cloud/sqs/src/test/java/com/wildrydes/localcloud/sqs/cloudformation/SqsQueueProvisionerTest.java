package com.wildrydes.localcloud.sqs.cloudformation;

import com.wildrydes.localcloud.cloudformation.CloudFormationException;
import com.wildrydes.localcloud.cloudformation.resources.Provisioned;
import com.wildrydes.localcloud.cloudformation.resources.ProvisioningException;
import com.wildrydes.localcloud.cloudformation.resources.ResourceRequest;
import com.wildrydes.localcloud.cloudformation.resources.ResourceState;
import com.wildrydes.localcloud.cloudformation.resources.StackInfo;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.sqs.SqsService;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqsQueueProvisionerTest {

    private static final StackInfo STACK = stack("rides");

    private final SqsService sqs = new SqsService("http://127.0.0.1:4566");
    private final SqsQueueProvisioner provisioner = new SqsQueueProvisioner(sqs);

    private static StackInfo stack(String name) {
        return new StackInfo(name, "arn:aws:cloudformation:us-east-1:000000000000:stack/" + name + "/1", Path.of("."),
                name + "/template.yaml", "us-east-1", "000000000000");
    }

    private static ResourceRequest request(String logicalId, Map<String, Object> properties) {
        return new ResourceRequest(STACK, logicalId, SqsQueueProvisioner.TYPE, properties);
    }

    private static ResourceState state(ResourceRequest request, Provisioned provisioned) {
        return new ResourceState(request.stack(), request.logicalId(), request.type(), provisioned.physicalId(),
                request.properties(), provisioned.attributes(), Map.of());
    }

    @Test
    void generatesTheNameFromStackAndLogicalIdAndAnswersRefAndGetAtt() {
        Provisioned queue = provisioner.create(request("FailedRides", Map.of()));

        String name = (String) queue.attributes().get("QueueName");
        assertThat(name).matches("rides-FailedRides-[A-Z0-9]{12}");
        assertThat(queue.physicalId()).isEqualTo("http://127.0.0.1:4566/000000000000/" + name);
        assertThat(queue.attributes()).containsEntry("QueueUrl", queue.physicalId())
                .containsEntry("Arn", "arn:aws:sqs:us-east-1:000000000000:" + name);
        assertThat(sqs.queue(queue.physicalId()).name()).isEqualTo(name);
        assertThat(provisioner.create(request("OtherQueue", Map.of())).attributes().get("QueueName")).isNotEqualTo(name);
    }

    @Test
    void generatedNamesStayWithinSqsLimitForLongStackNames() {
        String longStack = "a-very-long-stack-name-for-a-workshop-service-that-keeps-going-on";
        Provisioned queue = provisioner.create(new ResourceRequest(stack(longStack), "RideCompletionDeadLetterQueue",
                SqsQueueProvisioner.TYPE, Map.of()));

        String name = (String) queue.attributes().get("QueueName");
        assertThat(name).hasSizeLessThanOrEqualTo(80).startsWith("a-very-long-stack").matches(".*-[A-Z0-9]{12}");
        assertThat(sqs.queueNames()).contains(name);
    }

    @Test
    void setsTheTemplatesAttributesAndTags() {
        Provisioned queue = provisioner.create(request("Rides", Map.of(
                "QueueName", "rides-queue",
                "VisibilityTimeout", 60,
                "MessageRetentionPeriod", "120",
                "DelaySeconds", 5,
                "MaximumMessageSize", 2048,
                "ReceiveMessageWaitTimeSeconds", 20,
                "Tags", List.of(Map.of("Key", "team", "Value", "unicorns")))));

        assertThat(queue.physicalId()).endsWith("/rides-queue");
        assertThat(sqs.queueAttributes("rides-queue"))
                .containsEntry("VisibilityTimeout", "60")
                .containsEntry("MessageRetentionPeriod", "120")
                .containsEntry("DelaySeconds", "5")
                .containsEntry("MaximumMessageSize", "2048")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "20");
        assertThat(tags(queue.physicalId())).isEqualTo(Map.of("team", "unicorns"));
    }

    @Test
    void writesTheRedrivePolicyObjectAsTheAttributesJson() {
        Provisioned deadLetters = provisioner.create(request("DeadLetters", Map.of("QueueName", "dead-letters")));
        provisioner.create(request("Work", Map.of("QueueName", "work", "RedrivePolicy",
                Map.of("deadLetterTargetArn", deadLetters.attributes().get("Arn"), "maxReceiveCount", "5"))));

        assertThat(sqs.queueAttributes("work")).containsEntry("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dead-letters\",\"maxReceiveCount\":5}");
    }

    @Test
    void refusesRedrivePoliciesItCannotRead() {
        assertThatThrownBy(() -> provisioner.create(request("Work", Map.of("RedrivePolicy",
                Map.of("deadLetterTargetArn", "arn:aws:sqs:us-east-1:000000000000:x", "maxReceiveCount", 3, "redrivePermission", "allowAll")))))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("RedrivePolicy.redrivePermission is not supported; RedrivePolicy has deadLetterTargetArn and maxReceiveCount");
        assertThatThrownBy(() -> provisioner.create(request("Work", Map.of("RedrivePolicy", Map.of("maxReceiveCount", 3)))))
                .hasMessageContaining("RedrivePolicy needs deadLetterTargetArn");
        assertThatThrownBy(() -> provisioner.create(request("Work", Map.of("RedrivePolicy",
                Map.of("deadLetterTargetArn", "arn:aws:sqs:us-east-1:000000000000:missing", "maxReceiveCount", 3)))))
                .hasMessageContaining("Dead letter target does not exist");
        assertThat(sqs.queueNames()).isEmpty();
    }

    @Test
    void updatesAttributesAndTagsInPlaceKeepingMessages() {
        Provisioned deadLetters = provisioner.create(request("DeadLetters", Map.of("QueueName", "dead-letters")));
        ResourceRequest before = request("Work", Map.of("QueueName", "work", "VisibilityTimeout", 60, "DelaySeconds", 5,
                "RedrivePolicy", Map.of("deadLetterTargetArn", deadLetters.attributes().get("Arn"), "maxReceiveCount", 3),
                "Tags", List.of(Map.of("Key", "team", "Value", "unicorns"), Map.of("Key", "stage", "Value", "dev"))));
        Provisioned created = provisioner.create(before);
        sqs.sendMessage(created.physicalId(), "a ride", Map.of());

        Provisioned updated = provisioner.update(request("Work", Map.of("QueueName", "work", "VisibilityTimeout", 90,
                "Tags", List.of(Map.of("Key", "team", "Value", "rides")))), state(before, created));

        assertThat(updated).isEqualTo(created);
        assertThat(sqs.queueAttributes("work"))
                .containsEntry("VisibilityTimeout", "90")
                .containsEntry("DelaySeconds", "0")
                .doesNotContainKey("RedrivePolicy");
        assertThat(tags(created.physicalId())).isEqualTo(Map.of("team", "rides"));
        assertThat(sqs.depth("work").total()).isEqualTo(1);
    }

    @Test
    void aNewQueueNameReplacesTheQueue() {
        ResourceRequest before = request("Work", Map.of("QueueName", "work-v1"));
        Provisioned created = provisioner.create(before);

        Provisioned replaced = provisioner.update(request("Work", Map.of("QueueName", "work-v2")), state(before, created));

        assertThat(replaced.physicalId()).endsWith("/work-v2");
        assertThat(replaced.attributes()).containsEntry("Arn", "arn:aws:sqs:us-east-1:000000000000:work-v2");
        assertThat(sqs.queueNames()).containsExactly("work-v2");
    }

    @Test
    void refusesFifoQueuesBeforeCreatingAnything() {
        assertThatThrownBy(() -> provisioner.validate(STACK, new TemplateResource("Orders", SqsQueueProvisioner.TYPE,
                Map.of("FifoQueue", true))))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("FIFO queues are not supported: local-cloud SQS serves standard queues only");
        assertThatThrownBy(() -> provisioner.validate(STACK, new TemplateResource("Orders", SqsQueueProvisioner.TYPE,
                Map.of("QueueName", "orders.fifo"))))
                .hasMessageContaining("FIFO queues are not supported");
        assertThatThrownBy(() -> provisioner.create(request("Orders", Map.of("FifoQueue", "true"))))
                .hasMessageContaining("FIFO queues are not supported");
        provisioner.validate(STACK, new TemplateResource("Orders", SqsQueueProvisioner.TYPE, Map.of("FifoQueue", false)));
        assertThat(sqs.queueNames()).isEmpty();
    }

    @Test
    void refusesValuesOutOfSqsRanges() {
        assertThatThrownBy(() -> provisioner.create(request("Work", Map.of("VisibilityTimeout", 50_000))))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("VisibilityTimeout 50000 is out of range: SQS allows 0 to 43200");
        assertThatThrownBy(() -> provisioner.create(request("Work", Map.of("DelaySeconds", "soon"))))
                .isInstanceOf(CloudFormationException.class)
                .hasMessageContaining("DelaySeconds must be an integer");
        assertThat(sqs.queueNames()).isEmpty();
    }

    @Test
    void refusesANameAnotherQueueHas() {
        sqs.createQueue("taken", Map.of(), Map.of());

        assertThatThrownBy(() -> provisioner.create(request("Work", Map.of("QueueName", "taken"))))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("a queue named taken already exists");
    }

    @Test
    void deleteRemovesTheQueueAndToleratesOneAlreadyGone() {
        ResourceRequest request = request("Work", Map.of());
        ResourceState queue = state(request, provisioner.create(request));

        provisioner.delete(queue);
        provisioner.delete(queue);

        assertThat(sqs.queueNames()).isEmpty();
    }

    private Map<String, String> tags(String url) {
        Map<String, String> tags = new TreeMap<>();
        sqs.call("ListQueueTags", Json.object().put("QueueUrl", url)).path("Tags").properties()
                .forEach(entry -> tags.put(entry.getKey(), entry.getValue().asText()));
        return tags;
    }
}
