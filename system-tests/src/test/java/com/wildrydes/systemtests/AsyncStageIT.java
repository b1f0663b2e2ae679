package com.wildrydes.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.localcloud.runtime.InjectedFault;
import com.wildrydes.localcloud.testing.AwsCli;
import com.wildrydes.workshop.Redrive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.wildrydes.systemtests.RunningStage.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stage 01 end to end on local-cloud: the rider's 201 no longer waits for the recording, which arrives
 * through SNS, survives failures through retries and the dead-letter queue, and is never duplicated.
 */
@DeployedStage("01-asynchronous-event-driven")
class AsyncStageIT {

    private static final String RIDE = "{\"PickupLocation\":{\"Latitude\":47.6,\"Longitude\":-122.3}}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ASYNC = Duration.ofSeconds(20);

    @BeforeEach
    void warmTheRiderPath(RunningStage stage) throws Exception {
        // Cold starts are not what these tests measure: one ride first, recorded, with no fault.
        stage.cloud().lambda().clearFault(recordFunction(stage));
        String rideId = rideId(stage.post(rideUrl(stage), RIDE));
        eventually(ASYNC, "the warm-up ride is recorded", () -> stage.item(table(stage), "RideId", rideId).isPresent());
        purgeDeadLetters(stage);
    }

    @Test
    void theRiderDoesNotWaitForTheRecordingWhichArrivesAfterwards(RunningStage stage) throws Exception {
        stage.cloud().lambda().injectFault(recordFunction(stage), new InjectedFault.Sleep(2_000), 0);

        Instant start = Instant.now();
        HttpResponse<String> response = stage.post(rideUrl(stage), RIDE);
        Duration riderWaited = Duration.between(start, Instant.now());
        String rideId = rideId(response);

        assertThat(riderWaited).as("the rider's wait, with the subscriber 2 s slow").isLessThan(Duration.ofMillis(1_500));
        assertThat(stage.item(table(stage), "RideId", rideId)).as("not recorded yet when the rider hears back").isEmpty();
        eventually(ASYNC, "ride " + rideId + " is recorded after the 201", () -> stage.item(table(stage), "RideId", rideId).isPresent());
    }

    @Test
    void aThrowingSubscriberIsRetriedThenDeadLetteredAndARedriveRecordsTheRide(RunningStage stage) throws Exception {
        String function = recordFunction(stage);
        long invocationsBefore = stage.invocations(function);
        stage.cloud().lambda().injectFault(function, new InjectedFault.Throw("the ride store is down"), 0);

        String rideId = rideId(stage.post(rideUrl(stage), RIDE));

        eventually(ASYNC, "the failed event reaches the dead-letter queue", () -> deadLetterDepth(stage) == 1);
        assertThat(stage.invocations(function) - invocationsBefore).as("the first try and two retries").isEqualTo(3);
        assertThat(stage.item(table(stage), "RideId", rideId)).isEmpty();

        // What a learner sees with the AWS CLI: the event, with the attributes Lambda adds.
        AwsCli aws = AwsCli.forEndpoint(stage.cloud().endpoint());
        JsonNode received = aws.json("sqs", "receive-message", "--queue-url", deadLetterQueue(stage),
                "--message-attribute-names", "All", "--visibility-timeout", "0");
        JsonNode message = received.path("Messages").get(0);
        assertThat(message.path("Body").asText()).contains(rideId);
        assertThat(message.at("/MessageAttributes/ErrorMessage/StringValue").asText()).contains("the ride store is down");
        assertThat(message.at("/MessageAttributes/RequestID/StringValue").asText()).isNotBlank();
        assertThat(message.at("/MessageAttributes/ErrorCode/StringValue").asText()).isNotBlank();

        stage.cloud().lambda().clearFault(function);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Redrive.Result result = new Redrive(stage.sqs(), stage.lambda(), new PrintStream(log, true))
                .run(deadLetterQueue(stage), function);

        assertThat(result).as(log.toString()).isEqualTo(new Redrive.Result(1, 0));
        assertThat(stage.item(table(stage), "RideId", rideId)).as("recorded after the redrive").isPresent();
        assertThat(deadLetterDepth(stage)).isZero();
    }

    @Test
    void aDuplicateDeliveryLeavesOneItem(RunningStage stage) throws Exception {
        String rideId = UUID.randomUUID().toString();
        String ride = """
                {"RideId":"%s","Unicorn":{"Name":"Shadowfax","Color":"White","DeviceId":"%s"},
                 "RequestTime":"2026-11-27T09:41:07.123Z","PickupLocation":{"Latitude":47.6,"Longitude":-122.3}}
                """.formatted(rideId, UUID.randomUUID());
        String function = recordFunction(stage);
        long before = stage.invocations(function);

        publish(stage, ride, "RideRequested");
        publish(stage, ride, "RideRequested");

        eventually(ASYNC, "both deliveries are handled", () -> stage.invocations(function) - before >= 2);
        assertThat(stage.scan(table(stage)).stream().filter(item -> item.get("RideId").s().equals(rideId))).hasSize(1);
        assertThat(deadLetterDepth(stage)).as("a duplicate is not an error").isZero();
    }

    @Test
    void aPublishWithTheAwsCliReachesTheSubscriberAndTheFilterPolicyDropsOtherEvents(RunningStage stage) throws Exception {
        String recorded = UUID.randomUUID().toString();
        String filtered = UUID.randomUUID().toString();
        String function = recordFunction(stage);
        AwsCli aws = AwsCli.forEndpoint(stage.cloud().endpoint());

        aws.json("sns", "publish", "--topic-arn", topic(stage), "--message", rideWithId(filtered),
                "--message-attributes", attributes("RideCancelled"));
        long afterFiltered = stage.invocations(function);
        aws.json("sns", "publish", "--topic-arn", topic(stage), "--message", rideWithId(recorded),
                "--message-attributes", attributes("RideRequested"));

        eventually(ASYNC, "the RideRequested event is recorded", () -> stage.item(table(stage), "RideId", recorded).isPresent());
        // Deliveries run in publish order, so the filtered one would have been invoked by now.
        assertThat(stage.invocations(function) - afterFiltered).isEqualTo(1);
        assertThat(stage.item(table(stage), "RideId", filtered)).isEmpty();
    }

    @Test
    void anAsynchronousInvokeWithTheAwsCliIsAcceptedAndRecordsTheRide(RunningStage stage) throws Exception {
        String rideId = UUID.randomUUID().toString();
        String event = JSON.writeValueAsString(Map.of("Records", List.of(Map.of(
                "EventSource", "aws:sns", "EventVersion", "1.0",
                "EventSubscriptionArn", topic(stage) + ":cli",
                "Sns", Map.of("Type", "Notification", "MessageId", UUID.randomUUID().toString(),
                        "TopicArn", topic(stage), "Message", rideWithId(rideId),
                        "Timestamp", "2026-11-27T09:41:07.123Z", "SignatureVersion", "1", "Signature", "cli",
                        "SigningCertUrl", "https://example.invalid/cert", "UnsubscribeUrl", "https://example.invalid/unsubscribe",
                        "MessageAttributes", Map.of(
                                "EventType", Map.of("Type", "String", "Value", "RideRequested"),
                                "EventVersion", Map.of("Type", "String", "Value", "1")))))));
        AwsCli aws = AwsCli.forEndpoint(stage.cloud().endpoint());

        JsonNode invoked = aws.json("lambda", "invoke", "--function-name", recordFunction(stage),
                "--invocation-type", "Event", "--payload", event, "event-answer.json");

        assertThat(invoked.path("StatusCode").asInt()).isEqualTo(202);
        eventually(ASYNC, "the invoked ride is recorded", () -> stage.item(table(stage), "RideId", rideId).isPresent());
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterQueueWithoutBlockingTheRidesAfterIt(RunningStage stage) throws Exception {
        String good = UUID.randomUUID().toString();

        publish(stage, "{\"RideId\": \"truncated", "RideRequested");
        publish(stage, rideWithId(good), "RideRequested");

        eventually(ASYNC, "the good ride is recorded", () -> stage.item(table(stage), "RideId", good).isPresent());
        eventually(ASYNC, "the poison message is dead-lettered", () -> deadLetterDepth(stage) == 1);
    }

    private static void publish(RunningStage stage, String message, String eventType) {
        stage.sns().publish(r -> r.topicArn(topic(stage)).message(message).messageAttributes(Map.of(
                "EventType", MessageAttributeValue.builder().dataType("String").stringValue(eventType).build(),
                "EventVersion", MessageAttributeValue.builder().dataType("String").stringValue("1").build())));
    }

    /** The event's contract as message attributes, in the CLI's JSON form. */
    private static String attributes(String eventType) {
        return "{\"EventType\":{\"DataType\":\"String\",\"StringValue\":\"" + eventType + "\"},"
                + "\"EventVersion\":{\"DataType\":\"String\",\"StringValue\":\"1\"}}";
    }

    private static String rideWithId(String rideId) {
        return """
                {"RideId":"%s","Unicorn":{"Name":"Rocinante","Color":"Yellow","DeviceId":"%s"},\
                "RequestTime":"2026-11-27T09:41:07.123Z","PickupLocation":{"Latitude":40.4,"Longitude":-3.7}}"""
                .formatted(rideId, UUID.randomUUID());
    }

    private static int deadLetterDepth(RunningStage stage) {
        Map<QueueAttributeName, String> attributes = stage.sqs().getQueueAttributes(r -> r.queueUrl(deadLetterQueue(stage))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static void purgeDeadLetters(RunningStage stage) {
        List<Message> leftovers;
        do {
            leftovers = stage.sqs().receiveMessage(r -> r.queueUrl(deadLetterQueue(stage)).maxNumberOfMessages(10)).messages();
            leftovers.forEach(m -> stage.sqs().deleteMessage(r -> r.queueUrl(deadLetterQueue(stage)).receiptHandle(m.receiptHandle())));
        } while (!leftovers.isEmpty());
    }

    private static String rideId(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("RideId").asText();
    }

    private static String rideUrl(RunningStage stage) {
        return stage.apiUrl("wild-rydes") + "/ride";
    }

    private static String table(RunningStage stage) {
        return stage.physicalId("wild-rydes-ride-record", "RideRecordTable");
    }

    private static String recordFunction(RunningStage stage) {
        return stage.functionName("wild-rydes-ride-record", "RecordRide");
    }

    private static String deadLetterQueue(RunningStage stage) {
        return stage.output("wild-rydes-ride-record", "RideRecordDeadLetterQueueUrl");
    }

    private static String topic(RunningStage stage) {
        return stage.output("wild-rydes", "RidesTopicArn");
    }
}
