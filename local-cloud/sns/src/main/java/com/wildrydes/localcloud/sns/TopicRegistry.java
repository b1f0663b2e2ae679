package com.wildrydes.localcloud.sns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Every topic and subscription of the one local account and region. */
final class TopicRegistry {

    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final String ARN_PREFIX = "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":";
    static final Set<String> PROTOCOLS = Set.of("lambda", "sqs");

    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern SQS_ARN = Pattern.compile("arn:aws:sqs:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,80}");
    private static final Pattern LAMBDA_ARN =
            Pattern.compile("arn:aws:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]{1,128})?");
    private static final Set<String> TOPIC_ATTRIBUTES =
            Set.of("DisplayName", "Policy", "DeliveryPolicy", "KmsMasterKeyId", "TracingConfig", "SignatureVersion");

    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

    /** Creates a topic, or returns the one of that name: CreateTopic is idempotent by name. */
    synchronized Topic createTopic(String name, Map<String, String> attributes) {
        if ((name != null && name.endsWith(".fifo")) || "true".equalsIgnoreCase(attributes.get("FifoTopic"))) {
            throw SnsError.invalidParameter("Invalid parameter: local-cloud SNS serves standard topics only; FIFO topics are not supported");
        }
        if (name == null || !TOPIC_NAME.matcher(name).matches()) {
            throw SnsError.invalidParameter("Invalid parameter: Topic Name");
        }
        Topic existing = topics.get(ARN_PREFIX + name);
        if (existing != null) {
            return existing;
        }
        Map<String, String> valid = new LinkedHashMap<>();
        attributes.forEach((attribute, value) -> {
            if (!attribute.equals("FifoTopic")) {
                valid.put(checkTopicAttribute(attribute), value);
            }
        });
        Topic topic = new Topic(name, ARN_PREFIX + name, valid);
        topics.put(topic.arn(), topic);
        return topic;
    }

    static String checkTopicAttribute(String attribute) {
        if (!TOPIC_ATTRIBUTES.contains(attribute)) {
            throw SnsError.invalidParameter("Invalid parameter: AttributeName");
        }
        return attribute;
    }

    /** Deletes a topic and its subscriptions; an unknown topic is no error, as DeleteTopic is idempotent. */
    synchronized void deleteTopic(String arn) {
        requireArn(arn, "TopicArn");
        if (topics.remove(arn) != null) {
            subscriptions.values().removeIf(subscription -> subscription.topicArn().equals(arn));
        }
    }

    synchronized Optional<Topic> topic(String arn) {
        return Optional.ofNullable(topics.get(arn));
    }

    synchronized Topic requireTopic(String arn) {
        requireArn(arn, "TopicArn");
        Topic topic = topics.get(arn);
        if (topic == null) {
            throw SnsError.topicNotFound();
        }
        return topic;
    }

    synchronized List<Topic> topics() {
        return List.copyOf(topics.values());
    }

    /**
     * Subscribes an endpoint; subscribing the same endpoint again returns the existing subscription,
     * unless different attributes are asked for.
     */
    synchronized Subscription subscribe(String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
        Topic topic = requireTopic(topicArn);
        String normalisedProtocol = protocol == null ? "" : protocol.toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(normalisedProtocol)) {
            throw SnsError.invalidParameter("Invalid parameter: local-cloud SNS does not deliver to the protocol '" + protocol
                    + "'; supported protocols: lambda, sqs");
        }
        if (endpoint == null || !(normalisedProtocol.equals("sqs") ? SQS_ARN : LAMBDA_ARN).matcher(endpoint).matches()) {
            throw SnsError.invalidParameter(normalisedProtocol.equals("sqs")
                    ? "Invalid parameter: SQS endpoint ARN" : "Invalid parameter: Lambda endpoint ARN");
        }
        Map<String, String> valid = SubscriptionAttributes.validate(normalisedProtocol, attributes, Map.of());
        for (Subscription existing : subscriptions.values()) {
            if (existing.topicArn().equals(topic.arn()) && existing.protocol().equals(normalisedProtocol)
                    && existing.endpoint().equals(endpoint)) {
                Map<String, String> current = existing.attributes();
                valid.forEach((name, value) -> {
                    if (!value.equals(current.getOrDefault(name, name.equals("RawMessageDelivery") ? "false" : ""))) {
                        throw SnsError.invalidParameter("Invalid parameter: Attributes Reason: Subscription already exists with different attributes");
                    }
                });
                return existing;
            }
        }
        Subscription subscription = new Subscription(topic.arn() + ":" + UUID.randomUUID(), topic.arn(), normalisedProtocol, endpoint);
        subscription.apply(valid);
        subscriptions.put(subscription.arn(), subscription);
        return subscription;
    }

    /** Removes a subscription; an unknown one is no error. */
    synchronized void unsubscribe(String arn) {
        requireArn(arn, "SubscriptionArn");
        subscriptions.remove(arn);
    }

    synchronized Subscription requireSubscription(String arn) {
        requireArn(arn, "SubscriptionArn");
        Subscription subscription = subscriptions.get(arn);
        if (subscription == null) {
            throw SnsError.subscriptionNotFound();
        }
        return subscription;
    }

    synchronized void setSubscriptionAttribute(Subscription subscription, String name, String value) {
        subscription.apply(SubscriptionAttributes.validate(subscription.protocol(),
                Map.of(name, value == null ? "" : value), subscription.attributes()));
    }

    synchronized List<Subscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    synchronized List<Subscription> subscriptionsOf(String topicArn) {
        List<Subscription> matching = new ArrayList<>();
        for (Subscription subscription : subscriptions.values()) {
            if (subscription.topicArn().equals(topicArn)) {
                matching.add(subscription);
            }
        }
        return matching;
    }

    /** A topic's attributes as GetTopicAttributes reports them: AWS's defaults, counts, then what was set. */
    synchronized Map<String, String> topicAttributes(Topic topic) {
        Map<String, String> all = new LinkedHashMap<>();
        Map<String, String> set = topic.attributes();
        all.put("Policy", set.getOrDefault("Policy", defaultPolicy(topic.arn())));
        all.put("Owner", ACCOUNT);
        all.put("SubscriptionsPending", "0");
        all.put("TopicArn", topic.arn());
        all.put("EffectiveDeliveryPolicy", set.getOrDefault("DeliveryPolicy", DEFAULT_DELIVERY_POLICY));
        all.put("SubscriptionsConfirmed", Integer.toString(subscriptionsOf(topic.arn()).size()));
        all.put("DisplayName", set.getOrDefault("DisplayName", ""));
        all.put("SubscriptionsDeleted", "0");
        set.forEach((name, value) -> {
            if (!name.equals("Policy") && !name.equals("DisplayName")) {
                all.put(name, value);
            }
        });
        return all;
    }

    /** A subscription's attributes as GetSubscriptionAttributes reports them; lambda and sqs subscriptions need no confirmation. */
    static Map<String, String> subscriptionAttributes(Subscription subscription) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("ConfirmationWasAuthenticated", "true");
        all.put("PendingConfirmation", "false");
        all.put("Owner", ACCOUNT);
        all.put("RawMessageDelivery", "false");
        all.put("TopicArn", subscription.topicArn());
        all.put("Endpoint", subscription.endpoint());
        all.put("Protocol", subscription.protocol());
        all.put("SubscriptionArn", subscription.arn());
        all.putAll(subscription.attributes());
        return all;
    }

    private static void requireArn(String arn, String parameter) {
        if (arn == null || !arn.startsWith("arn:aws:sns:")) {
            throw SnsError.invalidParameter("Invalid parameter: " + parameter);
        }
    }

    /** Retries for HTTP endpoints, which is all SNS's default delivery policy describes. */
    static final String DEFAULT_DELIVERY_POLICY = "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,"
            + "\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,"
            + "\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false,"
            + "\"defaultRequestPolicy\":{\"headerContentType\":\"text/plain; charset=UTF-8\"}}}";

    /** The policy a new topic has: the owning account may do everything with it. */
    static String defaultPolicy(String topicArn) {
        ObjectNode policy = Json.object();
        policy.put("Version", "2008-10-17");
        policy.put("Id", "__default_policy_ID");
        ObjectNode statement = policy.putArray("Statement").addObject();
        statement.put("Sid", "__default_statement_ID");
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("AWS", "*");
        var actions = statement.putArray("Action");
        for (String action : List.of("GetTopicAttributes", "SetTopicAttributes", "AddPermission", "RemovePermission",
                "DeleteTopic", "Subscribe", "ListSubscriptionsByTopic", "Publish")) {
            actions.add("SNS:" + action);
        }
        statement.put("Resource", topicArn);
        statement.putObject("Condition").putObject("StringEquals").put("AWS:SourceOwner", ACCOUNT);
        return Json.text(policy);
    }
}
