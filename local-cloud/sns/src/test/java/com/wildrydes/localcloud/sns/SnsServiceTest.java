package com.wildrydes.localcloud.sns;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.InvokeResult;
import com.wildrydes.localcloud.lambda.LambdaControl;
import com.wildrydes.localcloud.sqs.SqsService;
import com.wildrydes.localcloud.testing.AwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** SNS through the real SDK against the edge endpoint, delivering to real local SQS queues and a recording Lambda. */
class SnsServiceTest {

    private static final Duration DELIVERY = Duration.ofSeconds(5);

    private static EdgeServer edge;
    private static SqsService sqsService;
    private static SnsService snsService;
    private static RecordingLambda lambda;
    private static SnsClient sns;
    private static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        edge = EdgeServer.start("127.0.0.1", 0);
        sqsService = new SqsService(edge.url());
        lambda = new RecordingLambda();
        snsService = new SnsService(edge.url(), lambda, sqsService);
        edge.register(sqsService);
        edge.register(snsService);
        sns = AwsClients.at(SnsClient.builder(), URI.create(edge.url()));
        sqs = AwsClients.at(SqsClient.builder(), URI.create(edge.url()));
    }

    @AfterAll
    static void stop() {
        sns.close();
        sqs.close();
        snsService.close();
        edge.close();
    }

    private static String newTopic() {
        return sns.createTopic(b -> b.name("rides-" + UUID.randomUUID())).topicArn();
    }

    private record Queue(String url, String arn) {
    }

    private static Queue newQueue() {
        var info = sqsService.createQueue("q-" + UUID.randomUUID(), Map.of(), Map.of());
        return new Queue(info.url(), info.arn());
    }

    private static Message receiveOne(Queue queue) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queue.url()).waitTimeSeconds((int) DELIVERY.toSeconds())
                .messageAttributeNames("All")).messages();
        assertThat(messages).as("a message delivered to " + queue.url()).hasSize(1);
        sqs.deleteMessage(b -> b.queueUrl(queue.url()).receiptHandle(messages.getFirst().receiptHandle()));
        return messages.getFirst();
    }

    private static JsonNode json(String text) throws IOException {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static MessageAttributeValue number(String value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(value).build();
    }

    private static String functionArn(String name) {
        return lambda.functionArn(name);
    }

    @Test
    void createTopicIsIdempotentByNameAndTopicsAreListed() {
        String name = "ride-requested-" + UUID.randomUUID();
        String arn = sns.createTopic(b -> b.name(name).attributes(Map.of("DisplayName", "Rides"))).topicArn();

        assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:000000000000:" + name);
        assertThat(sns.createTopic(b -> b.name(name)).topicArn()).isEqualTo(arn);
        assertThat(sns.listTopicsPaginator().topics()).extracting(Topic::topicArn).contains(arn);
        assertThat(sns.getTopicAttributes(b -> b.topicArn(arn)).attributes()).containsEntry("DisplayName", "Rides");
    }

    @Test
    void topicNamesAndFifoTopicsAreChecked() {
        assertThatThrownBy(() -> sns.createTopic(b -> b.name("has space")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("Topic Name"));
        assertThatThrownBy(() -> sns.createTopic(b -> b.name("rides.fifo").attributes(Map.of("FifoTopic", "true"))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("standard topics only"));
    }

    @Test
    void listTopicsPagesByOneHundred() {
        List<String> created = IntStream.range(0, 101).mapToObj(i -> newTopic()).toList();

        var first = sns.listTopics();
        assertThat(first.topics()).hasSize(100);
        assertThat(first.nextToken()).isNotNull();
        var second = sns.listTopics(b -> b.nextToken(first.nextToken()));
        assertThat(second.topics()).isNotEmpty();
        List<String> all = new ArrayList<>();
        sns.listTopicsPaginator().topics().forEach(topic -> all.add(topic.topicArn()));
        assertThat(all).containsAll(created).doesNotHaveDuplicates();
    }

    @Test
    void topicAttributesHaveAwsDefaultsAndCanBeSet() throws IOException {
        String arn = newTopic();
        sns.subscribe(b -> b.topicArn(arn).protocol("sqs").endpoint(newQueue().arn()));

        Map<String, String> attributes = sns.getTopicAttributes(b -> b.topicArn(arn)).attributes();
        assertThat(attributes).containsEntry("TopicArn", arn).containsEntry("Owner", "000000000000")
                .containsEntry("SubscriptionsConfirmed", "1").containsEntry("SubscriptionsPending", "0")
                .containsEntry("SubscriptionsDeleted", "0").containsEntry("DisplayName", "")
                .containsKeys("Policy", "EffectiveDeliveryPolicy");
        assertThat(json(attributes.get("Policy")).at("/Statement/0/Resource").asText()).isEqualTo(arn);

        sns.setTopicAttributes(b -> b.topicArn(arn).attributeName("DisplayName").attributeValue("Wild Rydes"));
        assertThat(sns.getTopicAttributes(b -> b.topicArn(arn)).attributes()).containsEntry("DisplayName", "Wild Rydes");
        assertThatThrownBy(() -> sns.setTopicAttributes(b -> b.topicArn(arn).attributeName("Colour").attributeValue("x")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void deletingATopicDeletesItsSubscriptionsAndIsIdempotent() {
        String arn = newTopic();
        String subscription = sns.subscribe(b -> b.topicArn(arn).protocol("sqs").endpoint(newQueue().arn())).subscriptionArn();

        sns.deleteTopic(b -> b.topicArn(arn));
        sns.deleteTopic(b -> b.topicArn(arn));

        assertThatThrownBy(() -> sns.getTopicAttributes(b -> b.topicArn(arn)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Topic does not exist");
                });
        assertThat(sns.listSubscriptionsPaginator().subscriptions()).extracting(Subscription::subscriptionArn).doesNotContain(subscription);
    }

    @Test
    void subscriptionsAreListedDescribedChangedAndRemoved() {
        String topic = newTopic();
        Queue queue = newQueue();
        String sqsSubscription = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queue.arn())
                .attributes(Map.of("RawMessageDelivery", "true")).returnSubscriptionArn(true)).subscriptionArn();
        String lambdaSubscription = sns.subscribe(b -> b.topicArn(topic).protocol("lambda").endpoint(functionArn("PutRideRecord")))
                .subscriptionArn();

        assertThat(sqsSubscription).startsWith(topic + ":");
        assertThat(sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queue.arn())
                .attributes(Map.of("RawMessageDelivery", "true"))).subscriptionArn()).isEqualTo(sqsSubscription);
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions())
                .extracting(Subscription::subscriptionArn, Subscription::protocol, Subscription::endpoint, Subscription::owner)
                .containsExactly(
                        tuple(sqsSubscription, "sqs", queue.arn(), "000000000000"),
                        tuple(lambdaSubscription, "lambda", functionArn("PutRideRecord"), "000000000000"));
        assertThat(sns.listSubscriptionsPaginator().subscriptions()).extracting(Subscription::subscriptionArn)
                .contains(sqsSubscription, lambdaSubscription);

        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(sqsSubscription)).attributes())
                .containsEntry("RawMessageDelivery", "true").containsEntry("Protocol", "sqs")
                .containsEntry("Endpoint", queue.arn()).containsEntry("TopicArn", topic)
                .containsEntry("PendingConfirmation", "false").containsEntry("SubscriptionArn", sqsSubscription);

        sns.setSubscriptionAttributes(b -> b.subscriptionArn(lambdaSubscription).attributeName("FilterPolicy")
                .attributeValue("{\"Color\":[\"Golden\"]}"));
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(lambdaSubscription)).attributes())
                .containsEntry("FilterPolicy", "{\"Color\":[\"Golden\"]}")
                .containsEntry("FilterPolicyScope", "MessageAttributes");

        sns.unsubscribe(b -> b.subscriptionArn(sqsSubscription));
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions())
                .extracting(Subscription::subscriptionArn).containsExactly(lambdaSubscription);
        assertThatThrownBy(() -> sns.getSubscriptionAttributes(b -> b.subscriptionArn(sqsSubscription)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.getMessage()).contains("Subscription does not exist"));
    }

    @Test
    void subscribeRefusesWhatItCannotDeliverTo() {
        String topic = newTopic();
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("rider@example.com")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("email").contains("lambda, sqs"));
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint("not-an-arn")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("SQS endpoint ARN"));
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topic).protocol("lambda").endpoint(functionArn("F"))
                .attributes(Map.of("RawMessageDelivery", "true"))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("raw message delivery"));
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(newQueue().arn())
                .attributes(Map.of("FilterPolicy", "{\"Color\":\"Golden\"}"))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("FilterPolicy"));
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topic + "-missing").protocol("sqs").endpoint(newQueue().arn())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anSqsSubscriberReceivesTheSnsEnvelope() throws IOException {
        String topic = newTopic();
        Queue queue = newQueue();
        String subscription = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queue.arn())).subscriptionArn();

        String messageId = sns.publish(b -> b.topicArn(topic).subject("Ride requested").message("{\"RideId\":\"r-1\"}")
                .messageAttributes(Map.of("Color", string("Golden"), "Fare", number("12.5")))).messageId();

        Message delivered = receiveOne(queue);
        JsonNode envelope = json(delivered.body());
        assertThat(new TreeSet<>(fieldNames(envelope))).containsExactlyElementsOf(new TreeSet<>(List.of(
                "Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion", "Signature",
                "SigningCertURL", "UnsubscribeURL", "MessageAttributes")));
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("MessageId").asText()).isEqualTo(messageId);
        assertThat(envelope.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(envelope.get("Subject").asText()).isEqualTo("Ride requested");
        assertThat(envelope.get("Message").asText()).isEqualTo("{\"RideId\":\"r-1\"}");
        assertThat(envelope.get("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(envelope.get("SignatureVersion").asText()).isEqualTo("1");
        assertThat(envelope.get("UnsubscribeURL").asText()).isEqualTo(edge.url() + "/?Action=Unsubscribe&SubscriptionArn=" + subscription);
        assertThat(envelope.get("MessageAttributes")).isEqualTo(json(
                "{\"Color\":{\"Type\":\"String\",\"Value\":\"Golden\"},\"Fare\":{\"Type\":\"Number\",\"Value\":\"12.5\"}}"));
        assertThat(delivered.messageAttributes()).isEmpty();
    }

    @Test
    void anEnvelopeWithoutSubjectOrAttributesOmitsThem() throws IOException {
        String topic = newTopic();
        Queue queue = newQueue();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queue.arn()));

        sns.publish(b -> b.topicArn(topic).message("plain"));

        JsonNode envelope = json(receiveOne(queue).body());
        assertThat(envelope.has("Subject")).isFalse();
        assertThat(envelope.has("MessageAttributes")).isFalse();
        assertThat(envelope.get("Message").asText()).isEqualTo("plain");
    }

    @Test
    void aRawSqsSubscriberReceivesTheMessageAndItsAttributes() {
        String topic = newTopic();
        Queue queue = newQueue();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queue.arn()).attributes(Map.of("RawMessageDelivery", "true")));

        sns.publish(b -> b.topicArn(topic).message("{\"RideId\":\"r-2\"}").messageAttributes(Map.of(
                "Color", string("White"),
                "Fare", number("7"),
                "Blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("raw")).build())));

        Message delivered = receiveOne(queue);
        assertThat(delivered.body()).isEqualTo("{\"RideId\":\"r-2\"}");
        assertThat(delivered.messageAttributes().get("Color").stringValue()).isEqualTo("White");
        assertThat(delivered.messageAttributes().get("Fare").dataType()).isEqualTo("Number");
        assertThat(delivered.messageAttributes().get("Fare").stringValue()).isEqualTo("7");
        assertThat(delivered.messageAttributes().get("Blob").binaryValue().asUtf8String()).isEqualTo("raw");
    }

    @Test
    void aLambdaSubscriberIsInvokedAsynchronouslyWithAnSnsEvent() throws IOException {
        String topic = newTopic();
        String function = functionArn("PutRideRecord-" + UUID.randomUUID());
        String subscription = sns.subscribe(b -> b.topicArn(topic).protocol("lambda").endpoint(function)).subscriptionArn();

        String messageId = sns.publish(b -> b.topicArn(topic).message("{\"RideId\":\"r-3\"}")
                .messageAttributes(Map.of("Color", string("Yellow")))).messageId();

        RecordingLambda.Invoke invoke = lambda.next(function, DELIVERY);
        assertThat(invoke.functionArn()).isEqualTo(function);
        JsonNode event = json(invoke.payload());
        assertThat(event.get("Records")).hasSize(1);
        JsonNode record = event.get("Records").get(0);
        assertThat(record.get("EventSource").asText()).isEqualTo("aws:sns");
        assertThat(record.get("EventVersion").asText()).isEqualTo("1.0");
        assertThat(record.get("EventSubscriptionArn").asText()).isEqualTo(subscription);
        JsonNode message = record.get("Sns");
        assertThat(message.get("Subject").isNull()).as("Subject is present and null when none was given").isTrue();
        assertThat(message.get("MessageId").asText()).isEqualTo(messageId);
        assertThat(message.get("Message").asText()).isEqualTo("{\"RideId\":\"r-3\"}");
        assertThat(message.get("MessageAttributes")).isEqualTo(json("{\"Color\":{\"Type\":\"String\",\"Value\":\"Yellow\"}}"));
    }

    @Test
    void theLambdaEventHasTheShapeOfAwssSnsEvent() throws IOException {
        String topic = newTopic();
        String function = functionArn("ShapeCheck");
        sns.subscribe(b -> b.topicArn(topic).protocol("lambda").endpoint(function));
        sns.publish(b -> b.topicArn(topic).subject("Ride requested").message("{\"RideId\":\"a1b2\"}")
                .messageAttributes(Map.of("Color", string("Golden"))));
        String payload = lambda.next(function, DELIVERY).payload();

        JsonNode reference;
        try (InputStream fixture = getClass().getResourceAsStream("/sns/sns_event.json")) {
            reference = Json.MAPPER.readTree(fixture);
        }
        assertThat(keyPaths(json(payload))).isEqualTo(keyPaths(reference));

        SNSEvent event = LambdaEventSerializers.serializerFor(SNSEvent.class, getClass().getClassLoader()).fromJson(payload);
        SNSEvent.SNS message = event.getRecords().getFirst().getSNS();
        assertThat(event.getRecords().getFirst().getEventSource()).isEqualTo("aws:sns");
        assertThat(message.getTopicArn()).isEqualTo(topic);
        assertThat(message.getSubject()).isEqualTo("Ride requested");
        assertThat(message.getMessage()).isEqualTo("{\"RideId\":\"a1b2\"}");
        assertThat(message.getTimestamp()).isNotNull();
        assertThat(message.getSigningCertUrl()).startsWith(edge.url());
        assertThat(message.getUnsubscribeUrl()).contains("Action=Unsubscribe");
        assertThat(message.getMessageAttributes().get("Color").getType()).isEqualTo("String");
        assertThat(message.getMessageAttributes().get("Color").getValue()).isEqualTo("Golden");
    }

    @Test
    void aFilterPolicyDeliversMatchingMessagesAndDropsTheRest() {
        String topic = newTopic();
        Queue golden = newQueue();
        Queue everything = newQueue();
        String goldenSubscription = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(golden.arn()).attributes(Map.of(
                "RawMessageDelivery", "true",
                "FilterPolicy", "{\"Color\":[\"Golden\",{\"prefix\":\"Gold\"}],\"Fare\":[{\"numeric\":[\">=\",10]}]}"))).subscriptionArn();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(everything.arn()).attributes(Map.of("RawMessageDelivery", "true")));

        sns.publish(b -> b.topicArn(topic).message("cheap").messageAttributes(Map.of("Color", string("Golden"), "Fare", number("5"))));
        sns.publish(b -> b.topicArn(topic).message("white").messageAttributes(Map.of("Color", string("White"), "Fare", number("50"))));
        sns.publish(b -> b.topicArn(topic).message("match").messageAttributes(Map.of("Color", string("Goldish"), "Fare", number("10"))));
        sns.publish(b -> b.topicArn(topic).message("no attributes"));

        assertThat(receiveOne(golden).body()).isEqualTo("match");
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(receiveOne(everything).body());
        }
        assertThat(all).containsExactly("cheap", "white", "match", "no attributes");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(golden.url())).messages()).isEmpty();

        SubscriptionView view = snsService.topics().stream().filter(t -> t.arn().equals(topic)).findFirst().orElseThrow()
                .subscriptions().stream().filter(s -> s.arn().equals(goldenSubscription)).findFirst().orElseThrow();
        assertThat(view.delivered()).isEqualTo(1);
        assertThat(view.filteredOut()).isEqualTo(3);
    }

    @Test
    void aJsonMessageStructureSendsEachProtocolItsOwnText() throws IOException {
        String topic = newTopic();
        Queue queue = newQueue();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queue.arn()).attributes(Map.of("RawMessageDelivery", "true")));
        sns.subscribe(b -> b.topicArn(topic).protocol("lambda").endpoint(functionArn("Structured")));

        sns.publish(b -> b.topicArn(topic).messageStructure("json").message("{\"default\":\"for everyone\",\"sqs\":\"for queues\"}"));

        assertThat(receiveOne(queue).body()).isEqualTo("for queues");
        assertThat(json(lambda.next(functionArn("Structured"), DELIVERY).payload()).at("/Records/0/Sns/Message").asText())
                .isEqualTo("for everyone");
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topic).messageStructure("json").message("{\"sqs\":\"x\"}")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("No default entry"));
    }

    @Test
    void publishAnswersBeforeSubscribersAreReached() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch invoked = new CountDownLatch(1);
        LambdaControl slowLambda = new BlockingLambda(release, invoked);
        try (SnsService isolated = new SnsService(edge.url(), slowLambda, sqsService)) {
            String topic = isolated.createTopic("slow-" + UUID.randomUUID(), Map.of());
            isolated.subscribe(topic, "lambda", functionArn("Slow"), Map.of());

            long start = System.nanoTime();
            isolated.publish(topic, null, "m", null, Map.of());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));

            assertThat(invoked.await(5, TimeUnit.SECONDS)).as("delivery started").isTrue();
            release.countDown();
        }
    }

    @Test
    void publishChecksItsInput() {
        String topic = newTopic();
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topic).message("")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("Empty message"));
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topic + "-missing").message("m")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topic).message("m").messageAttributes(Map.of("Fare", number("cheap")))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ParameterValueInvalid"));
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topic).message("m").messageAttributes(Map.of("X",
                MessageAttributeValue.builder().dataType("Colour").stringValue("red").build()))))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topic).message("m").subject("line\nbreak")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("Subject"));
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topic).message("x".repeat(262_145))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("too long"));
        assertThatThrownBy(() -> sns.publish(b -> b.phoneNumber("+15555550100").message("m")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("TopicArn"));
    }

    @Test
    void unsupportedActionsAreRefusedListingTheSupportedOnes() {
        assertThatThrownBy(() -> sns.listPlatformApplications())
                .isInstanceOfSatisfying(SnsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
                    assertThat(e.getMessage()).contains("ListPlatformApplications").contains("Publish", "Subscribe");
                });
    }

    @Test
    void theConsoleSeesTopicsSubscriptionsAndPublishCounts() {
        String topic = newTopic();
        Queue queue = newQueue();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queue.arn()));
        sns.publish(b -> b.topicArn(topic).message("one"));
        sns.publish(b -> b.topicArn(topic).message("two"));
        receiveOne(queue);
        receiveOne(queue);

        TopicView view = snsService.topics().stream().filter(t -> t.arn().equals(topic)).findFirst().orElseThrow();
        assertThat(view.published()).isEqualTo(2);
        assertThat(view.subscriptions()).singleElement().satisfies(s -> {
            assertThat(s.endpoint()).isEqualTo(queue.arn());
            assertThat(s.delivered()).isEqualTo(2);
            assertThat(s.failed()).isZero();
        });
    }

    @Test
    void aDeliveryToADeletedQueueIsCountedAsFailed() throws InterruptedException {
        String topic = newTopic();
        Queue queue = newQueue();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queue.arn()));
        sqsService.deleteQueue(queue.arn());

        sns.publish(b -> b.topicArn(topic).message("lost"));

        long deadline = System.nanoTime() + DELIVERY.toNanos();
        long failed = 0;
        while (failed == 0 && System.nanoTime() < deadline) {
            failed = snsService.topics().stream().filter(t -> t.arn().equals(topic)).findFirst().orElseThrow()
                    .subscriptions().getFirst().failed();
            Thread.sleep(10);
        }
        assertThat(failed).isEqualTo(1);
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }

    /** Every key path in a JSON document, e.g. {@code Records[].Sns.MessageAttributes.*.Type}; attribute names are data. */
    private static TreeSet<String> keyPaths(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, TreeSet<String> paths) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, path + "[]", paths));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = path.endsWith("MessageAttributes") ? "*" : field.getKey();
                String child = path.isEmpty() ? name : path + "." + name;
                paths.add(child);
                collect(field.getValue(), child, paths);
            }
        }
    }

    /** A Lambda whose asynchronous invoke blocks until released, as a stuck function queue would. */
    private record BlockingLambda(CountDownLatch release, CountDownLatch invoked) implements LambdaControl {
        @Override
        public String invokeAsync(String functionNameOrArn, byte[] payload) {
            invoked.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "id";
        }

        @Override
        public String createFunction(FunctionConfig config) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteFunction(String functionName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InvokeResult invoke(String functionNameOrArn, byte[] payload, String traceHeader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String functionArn(String functionName) {
            return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
        }

        @Override
        public Optional<FunctionConfig> function(String functionNameOrArn) {
            return Optional.empty();
        }

        @Override
        public List<FunctionConfig> functions() {
            return List.of();
        }
    }
}
