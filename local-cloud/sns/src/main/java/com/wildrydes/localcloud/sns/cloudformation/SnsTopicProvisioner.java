package com.wildrydes.localcloud.sns.cloudformation;

import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.cloudformation.resources.PhysicalNames;
import com.wildrydes.localcloud.cloudformation.resources.Provisioned;
import com.wildrydes.localcloud.cloudformation.resources.ProvisioningException;
import com.wildrydes.localcloud.cloudformation.resources.ResourceProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.ResourceRequest;
import com.wildrydes.localcloud.cloudformation.resources.ResourceState;
import com.wildrydes.localcloud.cloudformation.resources.StackInfo;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;
import com.wildrydes.localcloud.sns.SnsService;
import com.wildrydes.localcloud.sns.SubscriptionView;
import com.wildrydes.localcloud.sns.TopicView;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code AWS::SNS::Topic} on local SNS. A topic without a TopicName gets {@code <stack>-<LogicalId>-<SUFFIX>}.
 * Ref is the topic ARN; {@code Fn::GetAtt} gives {@code TopicArn} and {@code TopicName}. The subscriptions
 * its {@code Subscription} list names are made and removed with it. Local SNS keeps no tags, so Tags are
 * checked and recorded with the stack only.
 */
public final class SnsTopicProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::SNS::Topic";
    private static final int MAX_NAME_LENGTH = 256;

    private final SnsService sns;
    private final SnsActions actions;

    public SnsTopicProvisioner(SnsService sns) {
        this.sns = sns;
        this.actions = new SnsActions(sns);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("TopicName", "DisplayName", "Subscription", "Tags", "FifoTopic");
    }

    @Override
    public Set<String> attributes() {
        return Set.of("TopicArn", "TopicName");
    }

    /** Refuses a FIFO topic or an unsupported protocol before anything is created, when the template says so literally. */
    @Override
    public void validate(StackInfo stack, TemplateResource resource) {
        Object fifo = resource.properties().get("FifoTopic");
        Object name = resource.properties().get("TopicName");
        refuseFifo(Values.isScalar(fifo) ? fifo : null, name instanceof String literal ? literal : null);
        if (resource.properties().get("Subscription") instanceof List<?> subscriptions) {
            for (Object subscription : subscriptions) {
                if (subscription instanceof Map<?, ?> entry && entry.get("Protocol") instanceof String protocol) {
                    SnsSubscriptionProvisioner.protocol(protocol, "Subscription Protocol");
                }
            }
        }
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String name = topicName(request);
        refuseFifo(request.get("FifoTopic"), name);
        List<Subscriber> subscribers = subscribers(request.get("Subscription"));
        checkTags(request.get("Tags"));
        if (topic(name).isPresent()) {
            throw new ProvisioningException("a topic named " + name + " already exists; give TopicName another value,"
                    + " or leave it out for a generated name");
        }
        String displayName = request.optionalString("DisplayName");
        String arn = sns.createTopic(name, displayName == null ? Map.of() : Map.of("DisplayName", displayName));
        try {
            subscribers.forEach(subscriber -> sns.subscribe(arn, subscriber.protocol(), subscriber.endpoint(), Map.of()));
        } catch (RuntimeException e) {
            sns.deleteTopic(arn);
            throw e;
        }
        return new Provisioned(arn, Map.of("TopicArn", arn, "TopicName", name));
    }

    @Override
    public Provisioned update(ResourceRequest request, ResourceState current) {
        String name = topicName(request);
        if (!name.equals(current.attributes().get("TopicName"))) {
            Provisioned created = create(request);
            delete(current);
            return created;
        }
        refuseFifo(request.get("FifoTopic"), name);
        checkTags(request.get("Tags"));
        String arn = current.physicalId();
        List<Subscriber> before = subscribers(current.properties().get("Subscription"));
        List<Subscriber> after = subscribers(request.get("Subscription"));
        String displayName = request.optionalString("DisplayName");
        if (!Objects.equals(displayName, current.request().optionalString("DisplayName"))) {
            actions.run("SetTopicAttributes", Map.of("TopicArn", arn, "AttributeName", "DisplayName",
                    "AttributeValue", displayName == null ? "" : displayName));
        }
        after.stream().filter(subscriber -> !before.contains(subscriber))
                .forEach(subscriber -> sns.subscribe(arn, subscriber.protocol(), subscriber.endpoint(), Map.of()));
        List<SubscriptionView> existing = topic(name).map(TopicView::subscriptions).orElse(List.of());
        before.stream().filter(subscriber -> !after.contains(subscriber)).forEach(subscriber -> existing.stream()
                .filter(s -> s.protocol().equals(subscriber.protocol()) && s.endpoint().equals(subscriber.endpoint()))
                .forEach(s -> sns.unsubscribe(s.arn())));
        return new Provisioned(arn, Map.of("TopicArn", arn, "TopicName", name));
    }

    /** Deleting the topic removes its subscriptions too. */
    @Override
    public void delete(ResourceState resource) {
        sns.deleteTopic(resource.physicalId());
    }

    private static String topicName(ResourceRequest request) {
        String given = request.optionalString("TopicName");
        return given != null ? given
                : PhysicalNames.withSuffix(request.stack().stackName(), request.stack().stackName(), request.logicalId(), MAX_NAME_LENGTH);
    }

    private Optional<TopicView> topic(String name) {
        return sns.topics().stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    private static void refuseFifo(Object fifoTopic, String name) {
        boolean fifo = fifoTopic != null && Values.bool(fifoTopic, "FifoTopic");
        if (fifo || (name != null && name.endsWith(".fifo"))) {
            throw new ProvisioningException("FIFO topics are not supported: local-cloud SNS serves standard topics only;"
                    + " remove FifoTopic and the .fifo suffix of TopicName");
        }
    }

    private static void checkTags(Object tags) {
        if (tags == null) {
            return;
        }
        for (Object tag : Values.list(tags, "Tags")) {
            Map<String, Object> entry = Values.map(tag, "Tags entry");
            if (!entry.keySet().equals(Set.of("Key", "Value"))) {
                throw new ProvisioningException("each Tags entry has exactly Key and Value, not " + entry.keySet());
            }
        }
    }

    /** The entries of the {@code Subscription} list, checked, without repeats. */
    private static List<Subscriber> subscribers(Object list) {
        if (list == null) {
            return List.of();
        }
        return Values.list(list, "Subscription").stream().map(entry -> {
            Map<String, Object> subscription = Values.map(entry, "Subscription entry");
            for (String key : subscription.keySet()) {
                if (!key.equals("Endpoint") && !key.equals("Protocol")) {
                    throw new ProvisioningException("Subscription." + key + " is not supported; a Subscription entry has"
                            + " Endpoint and Protocol (an AWS::SNS::Subscription takes filter policies)");
                }
            }
            return new Subscriber(SnsSubscriptionProvisioner.protocol(subscription.get("Protocol"), "Subscription Protocol"),
                    Values.string(subscription.get("Endpoint"), "Subscription Endpoint"));
        }).distinct().toList();
    }

    /** An entry of the {@code Subscription} list: who the topic delivers to. */
    private record Subscriber(String protocol, String endpoint) {
    }
}
