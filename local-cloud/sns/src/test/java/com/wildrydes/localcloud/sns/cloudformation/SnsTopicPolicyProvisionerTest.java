package com.wildrydes.localcloud.sns.cloudformation;

import com.wildrydes.localcloud.cloudformation.resources.Provisioned;
import com.wildrydes.localcloud.cloudformation.resources.ProvisioningException;
import com.wildrydes.localcloud.cloudformation.resources.ResourceRequest;
import com.wildrydes.localcloud.sns.SnsService;
import com.wildrydes.localcloud.sqs.SqsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.wildrydes.localcloud.sns.cloudformation.SnsTopicProvisionerTest.STACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnsTopicPolicyProvisionerTest {

    private static final Map<String, Object> ACCOUNT_MAY_PUBLISH = Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
            "Effect", "Allow", "Principal", Map.of("AWS", "000000000000"), "Action", "sns:Publish", "Resource", "*")));

    private final SnsService sns = new SnsService("http://127.0.0.1:4566", new FakeLambda(), new SqsService("http://127.0.0.1:4566"));
    private final SnsTopicPolicyProvisioner provisioner = new SnsTopicPolicyProvisioner(sns);

    @AfterEach
    void stop() {
        sns.close();
    }

    private static ResourceRequest request(Map<String, Object> properties) {
        return new ResourceRequest(STACK, "RidesTopicPolicy", SnsTopicPolicyProvisioner.TYPE, properties);
    }

    @Test
    void recordsAPolicyForExistingTopics() {
        String topic = sns.createTopic("rides", Map.of());

        Provisioned policy = provisioner.create(request(Map.of("PolicyDocument", ACCOUNT_MAY_PUBLISH, "Topics", List.of(topic))));

        assertThat(policy.physicalId()).matches("rides-RidesTopicPolicy-[A-Z0-9]{12}");
        assertThat(policy.attributes()).containsEntry("Id", policy.physicalId());
    }

    @Test
    void refusesTopicsThatDoNotExist() {
        assertThatThrownBy(() -> provisioner.create(request(Map.of("PolicyDocument", ACCOUNT_MAY_PUBLISH,
                "Topics", List.of("arn:aws:sns:us-east-1:000000000000:missing")))))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("Topics names arn:aws:sns:us-east-1:000000000000:missing, which is not an existing topic's ARN");
        assertThatThrownBy(() -> provisioner.create(request(Map.of("PolicyDocument", ACCOUNT_MAY_PUBLISH))))
                .hasMessageContaining("Topics must list at least one topic ARN");
    }

    @Test
    void refusesADocumentWithoutStatements() {
        String topic = sns.createTopic("rides", Map.of());

        assertThatThrownBy(() -> provisioner.create(request(Map.of("PolicyDocument", Map.of(), "Topics", List.of(topic)))))
                .hasMessage("PolicyDocument must be a policy document with a Statement");
    }
}
