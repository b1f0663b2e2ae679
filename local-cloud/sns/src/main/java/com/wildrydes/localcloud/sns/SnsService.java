package com.wildrydes.localcloud.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;
import com.wildrydes.localcloud.http.AwsService;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.lambda.LambdaControl;
import com.wildrydes.localcloud.query.FormParams;
import com.wildrydes.localcloud.query.XmlWriter;
import com.wildrydes.localcloud.sqs.SqsService;
import com.wildrydes.localcloud.trace.TraceHeaders;
import com.wildrydes.localcloud.trace.TraceRecorder;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Amazon SNS over its Query protocol: standard topics, lambda and sqs subscriptions with filter
 * policies and raw delivery, and asynchronous fan-out of published messages.
 *
 * <p>Besides the wire API it offers plain methods for the rest of local-cloud: CloudFormation
 * creates topics and subscriptions, the console lists topics with their delivery counts.
 */
public final class SnsService implements AwsService, AutoCloseable {

    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
    private static final int MAX_MESSAGE_BYTES = 262_144;
    private static final int PAGE_SIZE = 100;
    private static final Set<String> ACTIONS = Set.of("CreateTopic", "DeleteTopic", "ListTopics", "GetTopicAttributes",
            "SetTopicAttributes", "Publish", "Subscribe", "Unsubscribe", "ListSubscriptions", "ListSubscriptionsByTopic",
            "GetSubscriptionAttributes", "SetSubscriptionAttributes");

    private final TopicRegistry registry = new TopicRegistry();
    private final Deliveries deliveries;
    private final Clock clock;

    /**
     * @param endpoint the edge URL, used in the unsubscribe and certificate URLs of delivered messages
     * @param lambda   where lambda subscribers are invoked, asynchronously
     * @param sqs      where sqs subscribers' messages go
     */
    public SnsService(String endpoint, LambdaControl lambda, SqsService sqs) {
        this(endpoint, lambda, sqs, TraceRecorder.NONE);
    }

    /**
     * @param traces told of each delivery of a message whose Publish carried a trace header; the
     *               Publish call itself is a hop the edge endpoint records
     */
    public SnsService(String endpoint, LambdaControl lambda, SqsService sqs, TraceRecorder traces) {
        this(endpoint, lambda, sqs, Clock.systemUTC(), traces);
    }

    SnsService(String endpoint, LambdaControl lambda, SqsService sqs, Clock clock) {
        this(endpoint, lambda, sqs, clock, TraceRecorder.NONE);
    }

    SnsService(String endpoint, LambdaControl lambda, SqsService sqs, Clock clock, TraceRecorder traces) {
        this.deliveries = new Deliveries(lambda, sqs, new SnsEnvelopes(endpoint), traces);
        this.clock = clock;
    }

    @Override
    public String signingName() {
        return "sns";
    }

    public Set<String> actions() {
        return ACTIONS;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        String requestId = UUID.randomUUID().toString();
        FormParams params = FormParams.parse(request.rawQuery(), request.body());
        String action = params.get("Action");
        try {
            if (action == null || !ACTIONS.contains(action)) {
                throw SnsError.invalidAction((action == null
                        ? "local-cloud SNS speaks the Query protocol and the request names no Action"
                        : "local-cloud SNS does not support the action " + action)
                        + "; supported actions: " + String.join(", ", new TreeSet<>(ACTIONS)));
            }
            Consumer<XmlWriter> result = dispatch(action, params, request.header(TraceHeaders.NAME));
            XmlWriter xml = new XmlWriter(action + "Response", NAMESPACE);
            if (result != null) {
                xml.start(action + "Result");
                result.accept(xml);
                xml.end();
            }
            xml.start("ResponseMetadata").element("RequestId", requestId).end();
            return AwsResponse.of(200, "text/xml", xml.finish());
        } catch (AwsServiceException e) {
            XmlWriter xml = new XmlWriter("ErrorResponse", NAMESPACE);
            xml.start("Error").element("Type", e.status() >= 500 ? "Receiver" : "Sender")
                    .element("Code", e.errorCode()).element("Message", e.getMessage()).end();
            xml.element("RequestId", requestId);
            return AwsResponse.of(e.status(), "text/xml", xml.finish());
        }
    }

    /** Runs one action; returns what its Result element holds, or null for actions that answer only a request id. */
    private Consumer<XmlWriter> dispatch(String action, FormParams params, String traceHeader) {
        return switch (action) {
            case "CreateTopic" -> {
                String arn = createTopic(params.get("Name"), params.map("Attributes.entry", "key", "value"));
                yield xml -> xml.element("TopicArn", arn);
            }
            case "DeleteTopic" -> {
                deleteTopic(params.get("TopicArn"));
                yield null;
            }
            case "ListTopics" -> {
                Page<Topic> page = page(registry.topics(), params.get("NextToken"));
                yield xml -> {
                    xml.start("Topics");
                    page.items().forEach(topic -> xml.start("member").element("TopicArn", topic.arn()).end());
                    xml.end().element("NextToken", page.nextToken());
                };
            }
            case "GetTopicAttributes" -> {
                Map<String, String> attributes = registry.topicAttributes(registry.requireTopic(params.get("TopicArn")));
                yield xml -> writeMap(xml, attributes);
            }
            case "SetTopicAttributes" -> {
                Topic topic = registry.requireTopic(params.get("TopicArn"));
                topic.set(TopicRegistry.checkTopicAttribute(required(params, "AttributeName")), valueOrEmpty(params.get("AttributeValue")));
                yield null;
            }
            case "Publish" -> {
                String messageId = publish(params, traceHeader);
                yield xml -> xml.element("MessageId", messageId);
            }
            case "Subscribe" -> {
                String arn = subscribe(params.get("TopicArn"), params.get("Protocol"), params.get("Endpoint"),
                        params.map("Attributes.entry", "key", "value"));
                yield xml -> xml.element("SubscriptionArn", arn);
            }
            case "Unsubscribe" -> {
                unsubscribe(params.get("SubscriptionArn"));
                yield null;
            }
            case "ListSubscriptions" -> subscriptionPage(registry.subscriptions(), params.get("NextToken"));
            case "ListSubscriptionsByTopic" -> subscriptionPage(
                    registry.subscriptionsOf(registry.requireTopic(params.get("TopicArn")).arn()), params.get("NextToken"));
            case "GetSubscriptionAttributes" -> {
                Map<String, String> attributes = TopicRegistry.subscriptionAttributes(
                        registry.requireSubscription(params.get("SubscriptionArn")));
                yield xml -> writeMap(xml, attributes);
            }
            case "SetSubscriptionAttributes" -> {
                Subscription subscription = registry.requireSubscription(params.get("SubscriptionArn"));
                registry.setSubscriptionAttribute(subscription, required(params, "AttributeName"), params.get("AttributeValue"));
                yield null;
            }
            default -> throw new IllegalStateException(action);
        };
    }

    private Consumer<XmlWriter> subscriptionPage(List<Subscription> subscriptions, String token) {
        Page<Subscription> page = page(subscriptions, token);
        return xml -> {
            xml.start("Subscriptions");
            page.items().forEach(subscription -> xml.start("member")
                    .element("SubscriptionArn", subscription.arn())
                    .element("Owner", TopicRegistry.ACCOUNT)
                    .element("Protocol", subscription.protocol())
                    .element("Endpoint", subscription.endpoint())
                    .element("TopicArn", subscription.topicArn())
                    .end());
            xml.end().element("NextToken", page.nextToken());
        };
    }

    private static void writeMap(XmlWriter xml, Map<String, String> map) {
        xml.start("Attributes");
        map.forEach((key, value) -> xml.start("entry").element("key", key).element("value", value).end());
        xml.end();
    }

    private record Page<T>(List<T> items, String nextToken) {
    }

    /** Pages of 100, as SNS lists; the token is the offset of the next page. */
    private static <T> Page<T> page(List<T> all, String token) {
        int from = 0;
        if (token != null && !token.isEmpty()) {
            try {
                from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw SnsError.invalidParameter("Invalid parameter: NextToken");
            }
        }
        int to = Math.min(all.size(), from + PAGE_SIZE);
        List<T> items = from >= all.size() ? List.of() : all.subList(from, to);
        String next = to < all.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(items, next);
    }

    private String publish(FormParams params, String traceHeader) {
        if (params.has("TargetArn") || params.has("PhoneNumber")) {
            throw SnsError.invalidParameter("Invalid parameter: local-cloud SNS publishes to topics only (TopicArn); "
                    + "TargetArn and PhoneNumber are not supported");
        }
        if (params.get("TopicArn") == null) {
            throw SnsError.invalidParameter("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        }
        return publish(params.get("TopicArn"), params.get("Subject"), params.get("Message"), params.get("MessageStructure"),
                messageAttributes(params), traceHeader);
    }

    private static Map<String, SnsMessageAttribute> messageAttributes(FormParams params) {
        Map<String, SnsMessageAttribute> attributes = new LinkedHashMap<>();
        for (Map<String, String> entry : params.groups("MessageAttributes.entry")) {
            String name = entry.get("Name");
            if (name == null || name.isEmpty()) {
                throw SnsError.parameterValueInvalid("The message attribute name must not be empty.");
            }
            String type = entry.getOrDefault("Value.DataType", "");
            String value = type.startsWith("Binary") ? entry.get("Value.BinaryValue") : entry.get("Value.StringValue");
            attributes.put(name, new SnsMessageAttribute(type, value));
        }
        return attributes;
    }

    private static void validateAttributes(Map<String, SnsMessageAttribute> attributes) {
        attributes.forEach((name, attribute) -> {
            String type = attribute.dataType();
            if (type == null || type.isEmpty()) {
                throw SnsError.parameterValueInvalid("The message attribute '" + name + "' must contain non-empty message attribute type.");
            }
            String base = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
            if (!Set.of("String", "Number", "Binary").contains(base)) {
                throw SnsError.parameterValueInvalid("The message attribute '" + name
                        + "' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
            }
            if (attribute.value() == null || attribute.value().isEmpty()) {
                throw SnsError.parameterValueInvalid("The message attribute '" + name
                        + "' must contain non-empty message attribute value for message attribute type '" + type + "'.");
            }
            if (base.equals("Number")) {
                try {
                    new BigDecimal(attribute.value().trim());
                } catch (NumberFormatException e) {
                    throw SnsError.parameterValueInvalid("Could not cast message attribute '" + name + "' value to number.");
                }
            }
            if (type.equals("String.Array") && !isJsonArray(attribute.value())) {
                throw SnsError.parameterValueInvalid("The message attribute '" + name + "' with type 'String.Array' must hold a JSON array.");
            }
            if (base.equals("Binary")) {
                try {
                    Base64.getDecoder().decode(attribute.value());
                } catch (IllegalArgumentException e) {
                    throw SnsError.parameterValueInvalid("The message attribute '" + name + "' has a BinaryValue that is not valid base64.");
                }
            }
        });
    }

    private static boolean isJsonArray(String text) {
        try {
            return Json.parse(text.getBytes(StandardCharsets.UTF_8)).isArray();
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, String> messagesByProtocol(String message) {
        JsonNode structure;
        try {
            structure = Json.parse(message.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw SnsError.invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        if (!structure.isObject() || !structure.path("default").isTextual()) {
            throw SnsError.invalidParameter("Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        Map<String, String> messages = new LinkedHashMap<>();
        structure.properties().forEach(entry -> messages.put(entry.getKey(), entry.getValue().asText()));
        return messages;
    }

    /** SNS subjects are under 100 printable ASCII characters and do not start with a space. */
    private static void validateSubject(String subject) {
        if (subject == null) {
            return;
        }
        boolean valid = !subject.isEmpty() && subject.length() < 100 && subject.charAt(0) != ' ';
        for (int i = 0; valid && i < subject.length(); i++) {
            char c = subject.charAt(i);
            valid = c >= 0x20 && c < 0x7f;
        }
        if (!valid) {
            throw SnsError.invalidParameter("Invalid parameter: Subject");
        }
    }

    private static String required(FormParams params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw SnsError.invalidParameter("Invalid parameter: " + name);
        }
        return value;
    }

    private static String valueOrEmpty(String value) {
        return value == null ? "" : value;
    }

    // ---- for local-cloud's own callers: CloudFormation, the console, Lambda's dead-letter delivery ----

    /** Creates a topic or returns the existing one of that name; returns its ARN. */
    public String createTopic(String name, Map<String, String> attributes) {
        return registry.createTopic(name, attributes).arn();
    }

    /** Deletes a topic and its subscriptions; unknown topics are ignored. */
    public void deleteTopic(String topicArn) {
        registry.deleteTopic(topicArn);
    }

    /** Subscribes a {@code lambda} function ARN or an {@code sqs} queue ARN; returns the subscription ARN. */
    public String subscribe(String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
        return registry.subscribe(topicArn, protocol, endpoint, attributes).arn();
    }

    public void unsubscribe(String subscriptionArn) {
        registry.unsubscribe(subscriptionArn);
    }

    /**
     * Publishes as the Publish action does, validation included: the message goes to every
     * subscriber after this returns. Returns the message id.
     *
     * @param subject          null for none
     * @param messageStructure null, or {@code json} for a message that holds one text per protocol
     */
    public String publish(String topicArn, String subject, String message, String messageStructure,
                          Map<String, SnsMessageAttribute> attributes) {
        return publish(topicArn, subject, message, messageStructure, attributes, null);
    }

    /**
     * Publishes as part of a trace: each delivery is a hop of it, and a function subscriber's
     * invocation continues it. A null {@code traceHeader} publishes untraced.
     */
    public String publish(String topicArn, String subject, String message, String messageStructure,
                          Map<String, SnsMessageAttribute> attributes, String traceHeader) {
        Topic topic = registry.requireTopic(topicArn);
        if (message == null || message.isEmpty()) {
            throw SnsError.invalidParameter("Invalid parameter: Empty message");
        }
        validateSubject(subject);
        validateAttributes(attributes);
        int size = message.getBytes(StandardCharsets.UTF_8).length;
        for (var entry : attributes.entrySet()) {
            size += entry.getKey().length() + entry.getValue().dataType().length() + entry.getValue().value().length();
        }
        if (size > MAX_MESSAGE_BYTES) {
            throw SnsError.invalidParameter("Invalid parameter: Message too long");
        }
        Map<String, String> byProtocol;
        if (messageStructure == null || messageStructure.isEmpty()) {
            byProtocol = Map.of();
        } else if (messageStructure.equals("json")) {
            byProtocol = messagesByProtocol(message);
        } else {
            throw SnsError.invalidParameter("Invalid parameter: MessageStructure");
        }
        Notification notification = new Notification(UUID.randomUUID().toString(), topic.arn(), subject, message,
                byProtocol, Collections.unmodifiableMap(new LinkedHashMap<>(attributes)), clock.instant());
        topic.published.incrementAndGet();
        deliveries.dispatch(notification, registry.subscriptionsOf(topic.arn()), traceHeader);
        return notification.messageId();
    }

    /** Every topic with its subscriptions and counts, for the console. */
    public List<TopicView> topics() {
        return registry.topics().stream().map(topic -> new TopicView(topic.arn(), topic.name(), topic.published.get(),
                registry.subscriptionsOf(topic.arn()).stream().map(subscription -> new SubscriptionView(
                        subscription.arn(), subscription.protocol(), subscription.endpoint(),
                        subscription.attributes().get("FilterPolicy"), subscription.rawMessageDelivery(),
                        subscription.delivered.get(), subscription.filteredOut.get(), subscription.failed.get())).toList()))
                .toList();
    }

    /** Stops delivering, after a short grace period for messages already published. */
    @Override
    public void close() {
        deliveries.close();
    }
}
