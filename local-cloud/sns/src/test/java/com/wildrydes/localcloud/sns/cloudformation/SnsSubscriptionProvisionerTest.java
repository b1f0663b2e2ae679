package com.wildrydes.localcloud.sns.cloudformation;

import com.wildrydes.localcloud.cloudformation.resources.Provisioned;
import com.wildrydes.localcloud.cloudformation.resources.ProvisioningException;
import com.wildrydes.localcloud.cloudformation.resources.ResourceRequest;
import com.wildrydes.localcloud.cloudformation.resources.ResourceState;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.sns.SnsMessageAttribute;
import com.wildrydes.localcloud.sns.SnsService;
import com.wildrydes.localcloud.sns.SubscriptionView;
import com.wildrydes.localcloud.sqs.MessageSnapshot;
import com.wildrydes.localcloud.sqs.SqsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.wildrydes.localcloud.sns.cloudformation.SnsTopicProvisionerTest.STACK;
import static com.wildrydes.localcloud.sns.cloudformation.SnsTopicProvisionerTest.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SnsSubscriptionProvisionerTest {

    private static final String RECORD = FakeLambda.ARN_PREFIX + "record";
    private static final String AUDIT = FakeLambda.ARN_PREFIX + "audit";
    private static final Map<String, Object> RIDES_ONLY = Map.of("kind", List.of("ride"));

    private final SqsService sqs = new SqsService("http://127.0.0.1:4566");
    private final SnsService sns = new SnsService("http://127.0.0.1:4566", new FakeLambda(), sqs);
    private final SnsSubscriptionProvisioner provisioner = new SnsSubscriptionProvisioner(sns);
    private final String topic = sns.createTopic("rides", Map.of());

    @AfterEach
    void stop() {
        sns.close();
    }

    private static ResourceRequest request(Map<String, Object> properties) {
        return new ResourceRequest(STACK, "RecordSubscription", SnsSubscriptionProvisioner.TYPE, properties);
    }

    private Map<String, Object> lambda(String endpoint, Map<String, Object> more) {
        Map<String, Object> properties = new LinkedHashMap<>(Map.of("TopicArn", topic, "Protocol", "lambda", "Endpoint", endpoint));
        properties.putAll(more);
        return properties;
    }

    private SubscriptionView subscription(String arn) {
        return sns.topics().getFirst().subscriptions().stream().filter(s -> s.arn().equals(arn)).findFirst()
                .orElseThrow(() -> new AssertionError("no subscription " + arn));
    }

    private String attribute(String subscriptionArn, String name) {
        return QueryDocuments.entry(new SnsActions(sns).run("GetSubscriptionAttributes",
                Map.of("SubscriptionArn", subscriptionArn)), name);
    }

    @Test
    void subscribesWithTheFilterPolicyObjectAsJson() {
        Provisioned created = provisioner.create(request(lambda(RECORD, Map.of("FilterPolicy", RIDES_ONLY, "Region", "eu-west-1"))));

        SubscriptionView view = subscription(created.physicalId());
        assertThat(created.physicalId()).startsWith(topic + ":");
        assertThat(view.protocol()).isEqualTo("lambda");
        assertThat(view.endpoint()).isEqualTo(RECORD);
        assertThat(view.filterPolicy()).isEqualTo("{\"kind\":[\"ride\"]}");
        assertThat(attribute(created.physicalId(), "FilterPolicyScope")).isEqualTo("MessageAttributes");
    }

    @Test
    void rawMessageDeliverySendsTheBareMessageToTheQueue() throws InterruptedException {
        String queue = sqs.createQueue("audit", Map.of(), Map.of()).arn();
        provisioner.create(request(Map.of("TopicArn", topic, "Protocol", "sqs", "Endpoint", queue, "RawMessageDelivery", "true")));

        sns.publish(topic, null, "{\"RideId\":\"1\"}", null, Map.of("kind", SnsMessageAttribute.string("ride")));

        List<MessageSnapshot> messages = awaitMessages("audit");
        assertThat(messages.getFirst().body()).isEqualTo("{\"RideId\":\"1\"}");
    }

    @Test
    void changesTheFilterPolicyInPlace() {
        ResourceRequest before = request(lambda(RECORD, Map.of("FilterPolicy", RIDES_ONLY)));
        Provisioned created = provisioner.create(before);

        ResourceRequest changed = request(lambda(RECORD, Map.of("FilterPolicy", Map.of("kind", List.of("ride", "refund")))));
        assertThat(provisioner.update(changed, state(before, created))).isEqualTo(created);
        assertThat(subscription(created.physicalId()).filterPolicy()).isEqualTo("{\"kind\":[\"ride\",\"refund\"]}");

        assertThat(provisioner.update(request(lambda(RECORD, Map.of())), state(changed, created))).isEqualTo(created);
        assertThat(subscription(created.physicalId()).filterPolicy()).isNull();
    }

    @Test
    void changesTheScopeInPlaceEvenWhenTheOldPolicyWouldNotFitIt() {
        Map<String, Object> nested = Map.of("Unicorn", Map.of("Color", List.of("Golden")));
        ResourceRequest body = request(lambda(RECORD, Map.of("FilterPolicy", nested, "FilterPolicyScope", "MessageBody")));
        Provisioned created = provisioner.create(body);
        assertThat(attribute(created.physicalId(), "FilterPolicyScope")).isEqualTo("MessageBody");

        ResourceRequest attributes = request(lambda(RECORD, Map.of("FilterPolicy", RIDES_ONLY)));
        provisioner.update(attributes, state(body, created));
        assertThat(attribute(created.physicalId(), "FilterPolicyScope")).isEqualTo("MessageAttributes");
        assertThat(subscription(created.physicalId()).filterPolicy()).isEqualTo("{\"kind\":[\"ride\"]}");

        provisioner.update(body, state(attributes, created));
        assertThat(attribute(created.physicalId(), "FilterPolicyScope")).isEqualTo("MessageBody");
        assertThat(subscription(created.physicalId()).filterPolicy()).isEqualTo("{\"Unicorn\":{\"Color\":[\"Golden\"]}}");
    }

    @Test
    void aScopeChangeThatFailsLeavesTheFilterAsItWas() {
        ResourceRequest before = request(lambda(RECORD, Map.of("FilterPolicy", RIDES_ONLY)));
        Provisioned created = provisioner.create(before);

        assertThatThrownBy(() -> provisioner.update(request(lambda(RECORD, Map.of("FilterPolicy", Map.of("kind", "ride"),
                "FilterPolicyScope", "MessageBody"))), state(before, created)))
                .isInstanceOf(AwsServiceException.class);

        assertThat(attribute(created.physicalId(), "FilterPolicyScope")).isEqualTo("MessageAttributes");
        assertThat(subscription(created.physicalId()).filterPolicy()).isEqualTo("{\"kind\":[\"ride\"]}");
    }

    @Test
    void aNewEndpointReplacesTheSubscription() {
        ResourceRequest before = request(lambda(RECORD, Map.of()));
        Provisioned created = provisioner.create(before);

        Provisioned replaced = provisioner.update(request(lambda(AUDIT, Map.of())), state(before, created));

        assertThat(replaced.physicalId()).isNotEqualTo(created.physicalId());
        assertThat(sns.topics().getFirst().subscriptions()).extracting(SubscriptionView::arn, SubscriptionView::endpoint)
                .containsExactly(tuple(replaced.physicalId(), AUDIT));
    }

    @Test
    void refusesProtocolsOtherThanLambdaAndSqs() {
        Map<String, Object> https = Map.of("TopicArn", topic, "Protocol", "https", "Endpoint", "https://example.com/hook");
        String expected = "Protocol https is not supported by local-cloud, whose SNS delivers to functions and queues only;"
                + " supported protocols: lambda, sqs";

        assertThatThrownBy(() -> provisioner.validate(STACK, new TemplateResource("Hook", SnsSubscriptionProvisioner.TYPE, https)))
                .isInstanceOf(ProvisioningException.class).hasMessage(expected);
        assertThatThrownBy(() -> provisioner.create(request(https))).hasMessage(expected);
        assertThat(sns.topics().getFirst().subscriptions()).isEmpty();
    }

    @Test
    void passesOnWhatSnsRefuses() {
        assertThatThrownBy(() -> provisioner.create(request(lambda(RECORD, Map.of("FilterPolicy", RIDES_ONLY,
                "FilterPolicyScope", "Everything")))))
                .isInstanceOf(AwsServiceException.class)
                .hasMessageContaining("FilterPolicyScope: Invalid value [Everything]");
        assertThatThrownBy(() -> provisioner.create(request(lambda(RECORD, Map.of("RawMessageDelivery", true)))))
                .hasMessageContaining("Delivery protocol [lambda] does not support raw message delivery");
    }

    @Test
    void deleteUnsubscribesAndToleratesOneAlreadyGone() {
        ResourceRequest request = request(lambda(RECORD, Map.of()));
        ResourceState subscription = state(request, provisioner.create(request));

        provisioner.delete(subscription);
        provisioner.delete(subscription);

        assertThat(sns.topics().getFirst().subscriptions()).isEmpty();
    }

    private List<MessageSnapshot> awaitMessages(String queue) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(deadline)) {
            List<MessageSnapshot> messages = sqs.peek(queue, 10);
            if (!messages.isEmpty()) {
                return messages;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no message reached " + queue);
    }
}
