package com.wildrydes.localcloud.sqs;

import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.testing.AwsClients;
import com.wildrydes.localcloud.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same SDK calls against local-cloud and against moto_server must give the same answers, once
 * {@link AwsDifferences} has set aside what may differ.
 */
class SqsConformanceTest {

    private static MotoServer moto;
    private static EdgeServer edge;
    private static SqsClient local;
    private static SqsClient reference;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.startOrSkip();
        edge = EdgeServer.start("127.0.0.1", 0);
        edge.register(new SqsService(edge.url()));
        local = AwsClients.at(SqsClient.builder(), URI.create(edge.url()));
        reference = AwsClients.at(SqsClient.builder(), moto.endpoint());
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
            reference.close();
            edge.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    /** Records what a scenario observed, normalised, so two endpoints' runs can be compared whole. */
    private static final class Transcript {
        final List<String> lines = new ArrayList<>();
        final boolean reference;

        Transcript(boolean reference) {
            this.reference = reference;
        }

        void record(String step, Object value) {
            String answer = String.valueOf(value);
            lines.add(step + " = " + (reference ? AwsDifferences.awsAnswer(step, answer) : answer));
        }

        void attempt(String step, Supplier<Object> call) {
            try {
                record(step, call.get());
            } catch (RuntimeException e) {
                record(step, AwsDifferences.error(e));
            }
        }
    }

    private static void assertConforms(Consumer<Scenario> scenario) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Transcript expected = new Transcript(true);
        Transcript actual = new Transcript(false);
        scenario.accept(new Scenario(reference, expected, suffix));
        scenario.accept(new Scenario(local, actual, suffix));
        assertThat(actual.lines).as("local-cloud vs moto").containsExactlyElementsOf(expected.lines);
    }

    private record Scenario(SqsClient sqs, Transcript transcript, String suffix) {
        String name(String base) {
            return base + "-" + suffix;
        }

        String create(String base, Map<QueueAttributeName, String> attributes) {
            return sqs.createQueue(b -> b.queueName(name(base)).attributes(attributes)).queueUrl();
        }

        void record(String step, Object value) {
            transcript.record(step, value);
        }

        void attempt(String step, Supplier<Object> call) {
            transcript.attempt(step, call);
        }
    }

    private static Map<String, Object> message(Message m) {
        Map<String, Object> view = new TreeMap<>();
        view.put("body", m.body());
        view.put("md5OfBody", m.md5OfBody());
        view.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
        view.put("hasId", m.messageId() != null && m.receiptHandle() != null);
        view.put("attributes", AwsDifferences.messageSystemAttributes(m.attributesAsStrings()));
        Map<String, String> messageAttributes = new TreeMap<>();
        m.messageAttributes().forEach((k, v) -> messageAttributes.put(k, v.dataType() + ":"
                + (v.binaryValue() != null ? v.binaryValue().asUtf8String() : v.stringValue())));
        view.put("messageAttributes", messageAttributes);
        return view;
    }

    @Test
    void creatingAndFindingQueues() {
        assertConforms(s -> {
            String url = s.create("rides", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5"));
            s.record("create", AwsDifferences.queueUrl(url));
            s.attempt("create again, same attributes", () -> AwsDifferences.queueUrl(s.create("rides", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5"))));
            s.attempt("create again, other attributes", () -> s.create("rides", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "6")));
            s.attempt("get url", () -> AwsDifferences.queueUrl(s.sqs().getQueueUrl(b -> b.queueName(s.name("rides"))).queueUrl()));
            s.attempt("get url of missing queue", () -> s.sqs().getQueueUrl(b -> b.queueName(s.name("missing"))).queueUrl());
            s.attempt("bad name", () -> s.create("bad name!", Map.of()));
        });
    }

    @Test
    void queueAttributes() {
        assertConforms(s -> {
            String dlq = s.create("attr-dlq", Map.of());
            String dlqArn = s.sqs().getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributesAsStrings().get("QueueArn");
            String url = s.create("attrs", Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "10",
                    QueueAttributeName.MESSAGE_RETENTION_PERIOD, "600",
                    QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "2",
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":3}"));
            s.record("all", AwsDifferences.queueAttributes(s.sqs().getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings()));
            s.record("none asked", s.sqs().getQueueAttributes(b -> b.queueUrl(url)).attributesAsStrings());
            s.sqs().setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "20")));
            s.record("after set", new TreeMap<>(s.sqs().getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributesAsStrings()));
            s.attempt("set unknown attribute", () -> {
                s.sqs().setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of("Colour", "blue")));
                return "ok";
            });
            s.attempt("attributes of missing queue", () -> s.sqs().getQueueAttributes(b -> b.queueUrl(url + "-missing")
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings());
        });
    }

    @Test
    void sendingAndReceiving() {
        assertConforms(s -> {
            String url = s.create("messages", Map.of());
            var sent = s.sqs().sendMessage(b -> b.queueUrl(url).messageBody("{\"RideId\":\"1\"}").messageAttributes(Map.of(
                    "ride.id", MessageAttributeValue.builder().dataType("String").stringValue("1").build(),
                    "ride.fare", MessageAttributeValue.builder().dataType("Number").stringValue("12.5").build(),
                    "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("bytes")).build())));
            s.record("sent", List.of(sent.md5OfMessageBody(), sent.md5OfMessageAttributes()));
            s.record("received with All", s.sqs().receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)
                    .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages().stream().map(SqsConformanceTest::message).toList());
            s.record("received by prefix", s.sqs().receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)
                    .messageAttributeNames("ride.*").messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .messages().stream().map(SqsConformanceTest::message).toList());
            s.record("received plain", s.sqs().receiveMessage(b -> b.queueUrl(url).visibilityTimeout(30))
                    .messages().stream().map(SqsConformanceTest::message).toList());
            s.record("in flight hides it", s.sqs().receiveMessage(b -> b.queueUrl(url)).messages().size());
        });
    }

    @Test
    void sendErrors() {
        assertConforms(s -> {
            String url = s.create("send-errors", Map.of());
            s.attempt("bad number", () -> s.sqs().sendMessage(b -> b.queueUrl(url).messageBody("x").messageAttributes(Map.of(
                    "n", MessageAttributeValue.builder().dataType("Number").stringValue("abc").build()))).messageId());
            s.attempt("missing queue", () -> s.sqs().sendMessage(b -> b.queueUrl(url + "-missing").messageBody("x")).messageId());
            s.attempt("max messages 11", () -> s.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(11)).messages());
            s.attempt("invalid receipt handle", () -> {
                s.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle("garbage"));
                return "deleted";
            });
        });
    }

    @Test
    void batches() {
        assertConforms(s -> {
            String url = s.create("batch", Map.of());
            var sent = s.sqs().sendMessageBatch(b -> b.queueUrl(url).entries(
                    SendMessageBatchRequestEntry.builder().id("a").messageBody("one").build(),
                    SendMessageBatchRequestEntry.builder().id("b").messageBody("two").build()));
            s.record("sent", sent.successful().stream().map(e -> e.id() + ":" + e.md5OfMessageBody()).toList());
            s.record("failed", sent.failed());
            List<Message> messages = s.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
            s.record("received", messages.stream().map(Message::body).sorted().toList());
            var deleted = s.sqs().deleteMessageBatch(b -> b.queueUrl(url).entries(messages.stream()
                    .map(m -> DeleteMessageBatchRequestEntry.builder().id("d" + messages.indexOf(m)).receiptHandle(m.receiptHandle()).build())
                    .toList()));
            s.record("deleted", deleted.successful().stream().map(e -> e.id()).sorted().toList());
            s.record("depth after", s.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributesAsStrings());
            s.attempt("empty batch", () -> s.sqs().sendMessageBatch(b -> b.queueUrl(url).entries(List.of())).successful());
            s.attempt("duplicate ids", () -> s.sqs().sendMessageBatch(b -> b.queueUrl(url).entries(
                    SendMessageBatchRequestEntry.builder().id("x").messageBody("1").build(),
                    SendMessageBatchRequestEntry.builder().id("x").messageBody("2").build())).successful());
            s.attempt("eleven entries", () -> s.sqs().sendMessageBatch(b -> b.queueUrl(url).entries(
                    IntStream.range(0, 11).mapToObj(i -> SendMessageBatchRequestEntry.builder()
                            .id("e" + i).messageBody("m").build()).toList())).successful());
        });
    }

    @Test
    void visibilityAndRedrive() {
        assertConforms(s -> {
            String dlq = s.create("redrive-dlq", Map.of());
            String dlqArn = s.sqs().getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributesAsStrings().get("QueueArn");
            String url = s.create("redrive-source", Map.of(QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":2}"));
            s.sqs().sendMessage(b -> b.queueUrl(url).messageBody("poison"));
            Message first = s.sqs().receiveMessage(b -> b.queueUrl(url).visibilityTimeout(30)).messages().getFirst();
            s.sqs().changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(first.receiptHandle()).visibilityTimeout(0));
            s.record("second receive", s.sqs().receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages()
                    .stream().map(SqsConformanceTest::message).toList());
            s.record("third receive", s.sqs().receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages().size());
            s.record("in the dead-letter queue", s.sqs().receiveMessage(b -> b.queueUrl(dlq)).messages().stream().map(Message::body).toList());
            s.record("source queues", s.sqs().listDeadLetterSourceQueues(b -> b.queueUrl(dlq)).queueUrls().stream()
                    .map(AwsDifferences::queueUrl).toList());
        });
    }

    @Test
    void listingPurgingAndDeleting() {
        assertConforms(s -> {
            List<String> urls = List.of(s.create("list-a", Map.of()), s.create("list-b", Map.of()), s.create("list-c", Map.of()));
            String prefix = "list-";
            s.record("by prefix", s.sqs().listQueues(b -> b.queueNamePrefix(prefix)).queueUrls().stream()
                    .filter(u -> u.endsWith(s.suffix())).map(AwsDifferences::queueUrl).sorted().toList());
            s.record("no match", s.sqs().listQueues(b -> b.queueNamePrefix("nothing-like-this")).queueUrls());
            s.record("paged", s.sqs().listQueuesPaginator(b -> b.queueNamePrefix(prefix).maxResults(1)).queueUrls().stream()
                    .filter(u -> u.endsWith(s.suffix())).map(AwsDifferences::queueUrl).sorted().toList());
            s.sqs().sendMessage(b -> b.queueUrl(urls.get(0)).messageBody("m"));
            s.sqs().purgeQueue(b -> b.queueUrl(urls.get(0)));
            s.record("after purge", s.sqs().receiveMessage(b -> b.queueUrl(urls.get(0))).messages().size());
            s.sqs().tagQueue(b -> b.queueUrl(urls.get(1)).tags(Map.of("stage", "01")));
            s.record("tags", s.sqs().listQueueTags(b -> b.queueUrl(urls.get(1))).tags());
            s.sqs().deleteQueue(b -> b.queueUrl(urls.get(2)));
            s.attempt("deleted queue", () -> s.sqs().getQueueAttributes(b -> b.queueUrl(urls.get(2))).attributesAsStrings());
        });
    }
}
