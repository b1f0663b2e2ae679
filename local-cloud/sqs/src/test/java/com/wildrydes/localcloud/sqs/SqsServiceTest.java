package com.wildrydes.localcloud.sqs;

import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.testing.AwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;
import software.amazon.awssdk.services.sqs.model.UnsupportedOperationException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** SQS through the real SDK against the edge endpoint. */
class SqsServiceTest {

    private static EdgeServer edge;
    private static SqsService sqsService;
    private static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        edge = EdgeServer.start("127.0.0.1", 0);
        sqsService = new SqsService(edge.url());
        edge.register(sqsService);
        sqs = AwsClients.at(SqsClient.builder(), URI.create(edge.url()));
    }

    @AfterAll
    static void stop() {
        sqs.close();
        edge.close();
    }

    private static String newQueue(Map<QueueAttributeName, String> attributes) {
        return sqs.createQueue(b -> b.queueName("q-" + UUID.randomUUID()).attributes(attributes)).queueUrl();
    }

    private static String newQueue() {
        return newQueue(Map.of());
    }

    @Test
    void createQueueAnswersItsUrlAndIsIdempotentForEqualAttributes() {
        String name = "orders-" + UUID.randomUUID();
        String url = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5"))).queueUrl();

        assertThat(url).isEqualTo(edge.url() + "/000000000000/" + name);
        assertThat(sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5"))).queueUrl())
                .isEqualTo(url);
        assertThat(sqs.getQueueUrl(b -> b.queueName(name)).queueUrl()).isEqualTo(url);
        assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "6"))))
                .isInstanceOf(QueueNameExistsException.class)
                .hasMessageContaining("VisibilityTimeout");
    }

    @Test
    void getQueueAttributesReportsDefaultsArnAndDepth() {
        String url = newQueue(Map.of(QueueAttributeName.DELAY_SECONDS, "0", QueueAttributeName.MESSAGE_RETENTION_PERIOD, "120"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("one"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("two"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("later").delaySeconds(60));
        sqs.receiveMessage(b -> b.queueUrl(url));

        Map<String, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings();

        String name = url.substring(url.lastIndexOf('/') + 1);
        assertThat(attributes)
                .containsEntry("QueueArn", "arn:aws:sqs:us-east-1:000000000000:" + name)
                .containsEntry("VisibilityTimeout", "30")
                .containsEntry("MessageRetentionPeriod", "120")
                .containsEntry("MaximumMessageSize", "1048576")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "0")
                .containsEntry("DelaySeconds", "0")
                .containsEntry("ApproximateNumberOfMessages", "1")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "1")
                .containsEntry("ApproximateNumberOfMessagesDelayed", "1")
                .containsKeys("CreatedTimestamp", "LastModifiedTimestamp")
                .doesNotContainKey("RedrivePolicy");
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributesAsStrings()).containsExactly(Map.entry("ApproximateNumberOfMessages", "1"));
        assertThat(sqsService.depth(url)).isEqualTo(new QueueDepth(1, 1, 1));
    }

    @Test
    void setQueueAttributesChangesThemAndRejectsUnknownOnesAndBadValues() {
        String url = newQueue();
        sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "7")));

        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                .attributesAsStrings()).containsEntry("VisibilityTimeout", "7");
        assertThatThrownBy(() -> sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of("Colour", "blue"))))
                .isInstanceOf(InvalidAttributeNameException.class);
        assertThatThrownBy(() -> sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "43201"))))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAttributeValue"));
    }

    @Test
    void fifoQueuesAreRefusedNamingWhatIsSupported() {
        assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("rides.fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("standard queues only");
    }

    @Test
    void sendAndReceiveCarryBodyAttributesAndSystemAttributes() {
        String url = newQueue();
        long before = System.currentTimeMillis();
        SendMessageResponse sent = sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"RideId\":\"r-1\"}").messageAttributes(Map.of(
                "Source", MessageAttributeValue.builder().dataType("String").stringValue("wild-rydes").build(),
                "Fare", MessageAttributeValue.builder().dataType("Number").stringValue("12.5").build(),
                "Blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("bytes")).build())));

        ReceiveMessageResponse received = sqs.receiveMessage(b -> b.queueUrl(url)
                .messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL));

        assertThat(received.messages()).hasSize(1);
        Message message = received.messages().getFirst();
        assertThat(message.messageId()).isEqualTo(sent.messageId());
        assertThat(message.body()).isEqualTo("{\"RideId\":\"r-1\"}");
        assertThat(message.md5OfBody()).isEqualTo(sent.md5OfMessageBody());
        assertThat(message.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
        assertThat(message.messageAttributes().get("Source").stringValue()).isEqualTo("wild-rydes");
        assertThat(message.messageAttributes().get("Fare").dataType()).isEqualTo("Number");
        assertThat(message.messageAttributes().get("Blob").binaryValue().asUtf8String()).isEqualTo("bytes");
        assertThat(message.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "1")
                .containsKeys("SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp");
        assertThat(Long.parseLong(message.attributesAsStrings().get("SentTimestamp"))).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void receiveReturnsOnlyTheAttributesAskedFor() {
        String url = newQueue();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("b").messageAttributes(Map.of(
                "ride.id", MessageAttributeValue.builder().dataType("String").stringValue("1").build(),
                "ride.fare", MessageAttributeValue.builder().dataType("Number").stringValue("2").build(),
                "other", MessageAttributeValue.builder().dataType("String").stringValue("3").build())));

        Message message = sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("ride.*")
                .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP)).messages().getFirst();

        assertThat(message.messageAttributes()).containsOnlyKeys("ride.id", "ride.fare");
        assertThat(message.attributesAsStrings()).containsOnlyKeys("SentTimestamp");
    }

    @Test
    void sendRejectsBadAttributesAndEmptyBodies() {
        String url = newQueue();
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageAttributes(Map.of(
                "n", MessageAttributeValue.builder().dataType("Number").stringValue("not-a-number").build()))))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageAttributes(Map.of(
                "n", MessageAttributeValue.builder().dataType("Colour").stringValue("red").build()))))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.getMessage()).contains("Binary, Number, String"));
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("")))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter"));
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("bell \u0007")))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidMessageContents"));
    }

    @Test
    void unknownQueuesFailWithQueueDoesNotExistAndItsQueryCode() {
        String missing = edge.url() + "/000000000000/missing-" + UUID.randomUUID();
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(missing).messageBody("x")))
                .isInstanceOfSatisfying(QueueDoesNotExistException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified queue does not exist.");
                });
        assertThatThrownBy(() -> sqs.getQueueUrl(b -> b.queueName("missing-" + UUID.randomUUID())))
                .isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void anInFlightMessageIsHiddenUntilItsVisibilityTimeoutEndsThenRedelivered() {
        String url = newQueue();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("ride"));
        Message first = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(1)).messages().getFirst();

        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();

        long start = System.nanoTime();
        ReceiveMessageResponse again = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(again.messages()).hasSize(1);
        Message second = again.messages().getFirst();
        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.receiptHandle()).isNotEqualTo(first.receiptHandle());
        assertThat(second.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "2");
        assertThat(waitedMillis).isLessThan(3000);
    }

    @Test
    void onlyTheLatestReceiptHandleDeletesAMessage() {
        String url = newQueue();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("ride"));
        Message first = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages().getFirst();
        Message second = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(30)).messages().getFirst();

        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(first.receiptHandle()));
        assertThat(sqsService.depth(url).inFlight()).isEqualTo(1);

        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(second.receiptHandle()));
        assertThat(sqsService.depth(url).total()).isZero();
        assertThatThrownBy(() -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle("not a handle")))
                .isInstanceOf(ReceiptHandleIsInvalidException.class);
    }

    @Test
    void changeMessageVisibilityReleasesOrExtendsAnInFlightMessage() {
        String url = newQueue();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("ride"));
        Message message = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(30)).messages().getFirst();

        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        Message again = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(30)).messages().getFirst();
        assertThat(again.messageId()).isEqualTo(message.messageId());

        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(again.receiptHandle()).visibilityTimeout(0));
        assertThatThrownBy(() -> sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(again.receiptHandle()).visibilityTimeout(10)))
                .isInstanceOf(MessageNotInflightException.class);
    }

    @Test
    void aLongPollReturnsAsSoonAsAMessageArrives() throws Exception {
        String url = newQueue();
        long start = System.nanoTime();
        CompletableFuture<ReceiveMessageResponse> poll = CompletableFuture.supplyAsync(
                () -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(10)));
        Thread.sleep(300);
        assertThat(poll).isNotDone();

        sqs.sendMessage(b -> b.queueUrl(url).messageBody("arrived"));

        ReceiveMessageResponse response = poll.get(5, TimeUnit.SECONDS);
        assertThat(response.messages()).extracting(Message::body).containsExactly("arrived");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aQueuesReceiveMessageWaitTimeMakesReceivesLongPolls() throws Exception {
        String url = newQueue(Map.of(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "10"));
        CompletableFuture<ReceiveMessageResponse> poll = CompletableFuture.supplyAsync(() -> sqs.receiveMessage(b -> b.queueUrl(url)));
        Thread.sleep(300);
        assertThat(poll).isNotDone();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("arrived"));
        assertThat(poll.get(5, TimeUnit.SECONDS).messages()).hasSize(1);
    }

    @Test
    void anEmptyShortPollReturnsNoMessagesAtOnce() {
        String url = newQueue();
        long start = System.nanoTime();
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(0)).messages()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aMessageReceivedMoreThanMaxReceiveCountTimesMovesToTheDeadLetterQueue() {
        String dlqUrl = newQueue();
        String dlqArn = sqsService.queueArn(dlqUrl);
        String url = newQueue(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("poison").messageAttributes(Map.of(
                "k", MessageAttributeValue.builder().dataType("String").stringValue("v").build())));

        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages()).hasSize(1);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages()).hasSize(1);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages()).isEmpty();

        Message deadLetter = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().getFirst();
        assertThat(deadLetter.body()).isEqualTo("poison");
        assertThat(deadLetter.messageAttributes().get("k").stringValue()).isEqualTo("v");
        assertThat(deadLetter.attributesAsStrings())
                .containsEntry("ApproximateReceiveCount", "1")
                .containsEntry("DeadLetterQueueSourceArn", sqsService.queueArn(url));
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributesAsStrings().get("RedrivePolicy"))
                .isEqualTo("{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":2}");
        assertThat(sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlqUrl)).queueUrls()).containsExactly(url);
    }

    @Test
    void aRedrivePolicyMustNameAnExistingQueue() {
        assertThatThrownBy(() -> newQueue(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:nowhere\",\"maxReceiveCount\":3}")))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.getMessage()).contains("Dead letter target does not exist");
                });
    }

    @Test
    void batchesSendDeleteAndChangeVisibilityEntryByEntry() {
        String url = newQueue();
        SendMessageBatchResponse sent = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("one").build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody("two").delaySeconds(0).build(),
                SendMessageBatchRequestEntry.builder().id("c").messageBody("three").delaySeconds(901).build()));

        assertThat(sent.successful()).extracting(e -> e.id()).containsExactly("a", "b");
        assertThat(sent.failed()).extracting(BatchResultErrorEntry::id, BatchResultErrorEntry::code, BatchResultErrorEntry::senderFault)
                .containsExactly(tuple("c", "InvalidParameterValue", true));

        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
        assertThat(messages).extracting(Message::body).containsExactlyInAnyOrder("one", "two");

        var changed = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(
                ChangeMessageVisibilityBatchRequestEntry.builder().id("x").receiptHandle(messages.get(0).receiptHandle()).visibilityTimeout(0).build()));
        assertThat(changed.successful()).extracting(e -> e.id()).containsExactly("x");
        assertThat(sqsService.depth(url)).isEqualTo(new QueueDepth(1, 1, 0));

        var deleted = sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(
                DeleteMessageBatchRequestEntry.builder().id("d1").receiptHandle(messages.get(1).receiptHandle()).build(),
                DeleteMessageBatchRequestEntry.builder().id("d2").receiptHandle("garbage").build()));
        assertThat(deleted.successful()).extracting(e -> e.id()).containsExactly("d1");
        assertThat(deleted.failed()).extracting(BatchResultErrorEntry::code).containsExactly("ReceiptHandleIsInvalid");
        assertThat(sqsService.depth(url).total()).isEqualTo(1);
    }

    @Test
    void batchesAreCheckedAsAWhole() {
        String url = newQueue();
        assertThatThrownBy(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(List.of())))
                .isInstanceOf(EmptyBatchRequestException.class);
        List<SendMessageBatchRequestEntry> eleven = IntStream.range(0, 11)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("m").build()).toList();
        assertThatThrownBy(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(eleven)))
                .isInstanceOf(TooManyEntriesInBatchRequestException.class);
        assertThatThrownBy(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("same").messageBody("m").build(),
                SendMessageBatchRequestEntry.builder().id("same").messageBody("m").build())))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("AWS.SimpleQueueService.BatchEntryIdsNotDistinct"));
    }

    @Test
    void receiveChecksItsLimits() {
        String url = newQueue();
        assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(11)))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.getMessage()).contains("MaxNumberOfMessages"));
        assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(21)))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.getMessage()).contains("WaitTimeSeconds"));
    }

    @Test
    void purgeEmptiesAQueue() {
        String url = newQueue();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("one"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("two"));
        sqs.purgeQueue(b -> b.queueUrl(url));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        assertThat(sqsService.depth(url).total()).isZero();
    }

    @Test
    void listQueuesFiltersByPrefixAndPages() {
        String prefix = "list-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> urls = IntStream.range(0, 3)
                .mapToObj(i -> sqs.createQueue(b -> b.queueName(prefix + "-" + i)).queueUrl()).toList();

        assertThat(sqs.listQueues(b -> b.queueNamePrefix(prefix)).queueUrls()).containsExactlyElementsOf(urls);
        var firstPage = sqs.listQueues(b -> b.queueNamePrefix(prefix).maxResults(2));
        assertThat(firstPage.queueUrls()).containsExactlyElementsOf(urls.subList(0, 2));
        assertThat(firstPage.nextToken()).isNotNull();
        var secondPage = sqs.listQueues(b -> b.queueNamePrefix(prefix).maxResults(2).nextToken(firstPage.nextToken()));
        assertThat(secondPage.queueUrls()).containsExactly(urls.get(2));
        assertThat(secondPage.nextToken()).isNull();
        assertThat(sqs.listQueuesPaginator(b -> b.queueNamePrefix(prefix).maxResults(1)).queueUrls()).containsExactlyElementsOf(urls);
    }

    @Test
    void deleteQueueRemovesItAndReleasesItsLongPolls() throws Exception {
        String url = newQueue();
        CompletableFuture<ReceiveMessageResponse> poll = CompletableFuture.supplyAsync(
                () -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(10)));
        Thread.sleep(200);
        sqs.deleteQueue(b -> b.queueUrl(url));

        assertThat(poll.get(3, TimeUnit.SECONDS).messages()).isEmpty();
        assertThatThrownBy(() -> sqs.getQueueAttributes(b -> b.queueUrl(url))).isInstanceOf(QueueDoesNotExistException.class);
        assertThat(sqsService.queueNames()).doesNotContain(url.substring(url.lastIndexOf('/') + 1));
    }

    @Test
    void tagsAreKeptListedAndRemoved() {
        String name = "tagged-" + UUID.randomUUID();
        String url = sqs.createQueue(b -> b.queueName(name).tags(Map.of("stage", "01"))).queueUrl();
        sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("team", "rides")));
        assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).isEqualTo(Map.of("stage", "01", "team", "rides"));
        sqs.untagQueue(b -> b.queueUrl(url).tagKeys("stage"));
        assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).isEqualTo(Map.of("team", "rides"));
    }

    @Test
    void unsupportedOperationsAreRefusedListingTheSupportedOnes() {
        assertThatThrownBy(() -> sqs.addPermission(b -> b.queueUrl(newQueue()).label("l").awsAccountIds("1").actions("SendMessage")))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(e.getMessage()).contains("AddPermission").contains("ReceiveMessage", "SendMessage");
                });
    }

    @Test
    void theConsoleCanPeekWithoutReceiving() {
        String url = newQueue();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("one"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("two").delaySeconds(30));

        List<MessageSnapshot> peeked = sqsService.peek(url, 10);

        assertThat(peeked).extracting(MessageSnapshot::body, MessageSnapshot::state).containsExactly(
                tuple("one", MessageSnapshot.State.VISIBLE),
                tuple("two", MessageSnapshot.State.DELAYED));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).extracting(Message::body).containsExactly("one");
    }

    @Test
    void localCloudsOwnCallersUseUrlsArnsAndNames() {
        String name = "internal-" + UUID.randomUUID();
        QueueInfo info = sqsService.createQueue(name, Map.of("VisibilityTimeout", "3"), Map.of());

        assertThat(info.url()).isEqualTo(edge.url() + "/000000000000/" + name);
        assertThat(info.arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:" + name);
        assertThat(sqsService.queueUrl(info.arn())).isEqualTo(info.url());
        assertThat(sqsService.queueArn(info.url())).isEqualTo(info.arn());
        assertThat(sqsService.queue(name)).isEqualTo(info);

        sqsService.sendMessage(info.arn(), "hello", Map.of("k", com.wildrydes.localcloud.sqs.MessageAttributeValue.string("v")));
        Message message = sqs.receiveMessage(b -> b.queueUrl(info.url()).messageAttributeNames("All")).messages().getFirst();
        assertThat(message.body()).isEqualTo("hello");
        assertThat(message.messageAttributes().get("k").stringValue()).isEqualTo("v");

        sqsService.deleteQueue(info.arn());
        sqsService.deleteQueue(info.arn());
        assertThat(sqsService.queueNames()).doesNotContain(name);
    }

    @Test
    void binaryAttributesRoundTripExactly() {
        String url = newQueue();
        byte[] bytes = {0, 1, (byte) 0xff, 42};
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("b").messageAttributes(Map.of(
                "raw", MessageAttributeValue.builder().dataType("Binary.gz").binaryValue(SdkBytes.fromByteArray(bytes)).build())));
        Message message = sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("raw")).messages().getFirst();
        assertThat(message.messageAttributes().get("raw").binaryValue().asByteArray()).containsExactly(bytes);
        assertThat(message.messageAttributes().get("raw").dataType()).isEqualTo("Binary.gz");
        assertThat(message.md5OfMessageAttributes()).isNotNull();
    }
}
