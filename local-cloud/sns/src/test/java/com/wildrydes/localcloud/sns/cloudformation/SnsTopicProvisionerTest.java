package com.wildrydes.localcloud.sns.cloudformation;

import com.wildrydes.localcloud.cloudformation.resources.Provisioned;
import com.wildrydes.localcloud.cloudformation.resources.ProvisioningException;
import com.wildrydes.localcloud.cloudformation.resources.ResourceRequest;
import com.wildrydes.localcloud.cloudformation.resources.ResourceState;
import com.wildrydes.localcloud.cloudformation.resources.StackInfo;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;
import com.wildrydes.localcloud.sns.SnsService;
import com.wildrydes.localcloud.sns.SubscriptionView;
import com.wildrydes.localcloud.sns.TopicView;
import com.wildrydes.localcloud.sqs.SqsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SnsTopicProvisionerTest {

    static final StackInfo STACK = new StackInfo("rides", "arn:aws:cloudformation:us-east-1:000000000000:stack/rides/1",
            Path.of("."), "rides/template.yaml", "us-east-1", "000000000000");
    private static final String RECORD = FakeLambda.ARN_PREFIX + "record";
    private static final String AUDIT = FakeLambda.ARN_PREFIX + "audit";

    private final SqsService sqs = new SqsService("http://127.0.0.1:4566");
    private final SnsService sns = new SnsService("http://127.0.0.1:4566", new FakeLambda(), sqs);
    private final SnsTopicProvisioner provisioner = new SnsTopicProvisioner(sns);

    @AfterEach
    void stop() {
        sns.close();
    }

    private static ResourceRequest request(Map<String, Object> properties) {
        return new ResourceRequest(STACK, "RidesTopic", SnsTopicProvisioner.TYPE, properties);
    }

    static ResourceState state(ResourceRequest request, Provisioned provisioned) {
        return new ResourceState(request.stack(), request.logicalId(), request.type(), provisioned.physicalId(),
                request.properties(), provisioned.attributes(), Map.of());
    }

    private static Map<String, Object> subscriber(String protocol, String endpoint) {
        return Map.of("Protocol", protocol, "Endpoint", endpoint);
    }

    private TopicView onlyTopic() {
        assertThat(sns.topics()).hasSize(1);
        return sns.topics().getFirst();
    }

    @Test
    void generatesTheNameAndAnswersRefAndGetAtt() {
        Provisioned topic = provisioner.create(request(Map.of()));

        String name = (String) topic.attributes().get("TopicName");
        assertThat(name).matches("rides-RidesTopic-[A-Z0-9]{12}");
        assertThat(topic.physicalId()).isEqualTo("arn:aws:sns:us-east-1:000000000000:" + name);
        assertThat(topic.attributes()).containsEntry("TopicArn", topic.physicalId());
        assertThat(onlyTopic().arn()).isEqualTo(topic.physicalId());
    }

    @Test
    void setsAndChangesTheDisplayNameInPlace() {
        ResourceRequest before = request(Map.of("TopicName", "rides", "DisplayName", "Rides"));
        Provisioned created = provisioner.create(before);
        assertThat(topicAttribute(created.physicalId(), "DisplayName")).isEqualTo("Rides");

        Provisioned updated = provisioner.update(request(Map.of("TopicName", "rides", "DisplayName", "Wild Rydes & co")),
                state(before, created));

        assertThat(updated).isEqualTo(created);
        assertThat(topicAttribute(created.physicalId(), "DisplayName")).isEqualTo("Wild Rydes & co");
    }

    @Test
    void subscriptionsComeAndGoWithTheTopicAndItsUpdates() {
        String queue = sqs.createQueue("audit", Map.of(), Map.of()).arn();
        ResourceRequest before = request(Map.of("TopicName", "rides", "Subscription", List.of(
                subscriber("lambda", RECORD), subscriber("sqs", queue))));
        Provisioned created = provisioner.create(before);
        assertThat(onlyTopic().subscriptions()).extracting(SubscriptionView::protocol, SubscriptionView::endpoint)
                .containsExactlyInAnyOrder(tuple("lambda", RECORD), tuple("sqs", queue));
        String queueSubscription = subscriptionTo(queue);

        ResourceRequest after = request(Map.of("TopicName", "rides", "Subscription", List.of(
                subscriber("sqs", queue), subscriber("lambda", AUDIT))));
        provisioner.update(after, state(before, created));

        assertThat(onlyTopic().subscriptions()).extracting(SubscriptionView::protocol, SubscriptionView::endpoint)
                .containsExactlyInAnyOrder(tuple("lambda", AUDIT), tuple("sqs", queue));
        assertThat(subscriptionTo(queue)).isEqualTo(queueSubscription);

        provisioner.delete(state(after, created));
        assertThat(sns.topics()).isEmpty();
    }

    @Test
    void aNewTopicNameReplacesTheTopicWithItsSubscriptions() {
        ResourceRequest before = request(Map.of("TopicName", "rides-v1", "Subscription", List.of(subscriber("lambda", RECORD))));
        Provisioned created = provisioner.create(before);

        Provisioned replaced = provisioner.update(request(Map.of("TopicName", "rides-v2",
                "Subscription", List.of(subscriber("lambda", RECORD)))), state(before, created));

        assertThat(replaced.physicalId()).isEqualTo("arn:aws:sns:us-east-1:000000000000:rides-v2");
        assertThat(onlyTopic().name()).isEqualTo("rides-v2");
        assertThat(onlyTopic().subscriptions()).extracting(SubscriptionView::endpoint).containsExactly(RECORD);
    }

    @Test
    void refusesProtocolsLocalSnsDoesNotDeliverTo() {
        Map<String, Object> properties = Map.of("Subscription", List.of(subscriber("email", "ops@wildrydes.example")));
        String expected = "Subscription Protocol email is not supported by local-cloud, whose SNS delivers to functions and"
                + " queues only; supported protocols: lambda, sqs";

        assertThatThrownBy(() -> provisioner.validate(STACK, new TemplateResource("RidesTopic", SnsTopicProvisioner.TYPE, properties)))
                .isInstanceOf(ProvisioningException.class).hasMessage(expected);
        assertThatThrownBy(() -> provisioner.create(request(properties))).hasMessage(expected);
        assertThatThrownBy(() -> provisioner.create(request(Map.of("Subscription",
                List.of(Map.of("Protocol", "sqs", "Endpoint", "arn:aws:sqs:us-east-1:000000000000:q", "FilterPolicy", Map.of()))))))
                .hasMessageContaining("Subscription.FilterPolicy is not supported; a Subscription entry has Endpoint and Protocol");
        assertThat(sns.topics()).isEmpty();
    }

    @Test
    void aFailedSubscriptionLeavesNoTopicBehind() {
        assertThatThrownBy(() -> provisioner.create(request(Map.of("Subscription", List.of(subscriber("lambda", "not-an-arn"))))))
                .hasMessageContaining("Lambda endpoint ARN");
        assertThat(sns.topics()).isEmpty();
    }

    @Test
    void refusesFifoTopics() {
        assertThatThrownBy(() -> provisioner.validate(STACK, new TemplateResource("RidesTopic", SnsTopicProvisioner.TYPE,
                Map.of("FifoTopic", "true"))))
                .hasMessageContaining("FIFO topics are not supported: local-cloud SNS serves standard topics only");
        assertThatThrownBy(() -> provisioner.create(request(Map.of("TopicName", "rides.fifo"))))
                .hasMessageContaining("FIFO topics are not supported");
        assertThat(sns.topics()).isEmpty();
    }

    @Test
    void refusesANameAnotherTopicHas() {
        sns.createTopic("rides", Map.of());

        assertThatThrownBy(() -> provisioner.create(request(Map.of("TopicName", "rides"))))
                .hasMessageContaining("a topic named rides already exists");
    }

    @Test
    void checksTagsShape() {
        provisioner.create(request(Map.of("TopicName", "tagged", "Tags", List.of(Map.of("Key", "team", "Value", "unicorns")))));

        assertThatThrownBy(() -> provisioner.create(request(Map.of("TopicName", "other", "Tags", List.of(Map.of("team", "unicorns"))))))
                .hasMessage("each Tags entry has exactly Key and Value, not [team]");
    }

    private String subscriptionTo(String endpoint) {
        return onlyTopic().subscriptions().stream().filter(s -> s.endpoint().equals(endpoint)).findFirst().orElseThrow().arn();
    }

    private String topicAttribute(String topicArn, String name) {
        return QueryDocuments.entry(new SnsActions(sns).run("GetTopicAttributes", Map.of("TopicArn", topicArn)), name);
    }
}
