package com.wildrydes.localcloud.sns.cloudformation;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.wildrydes.localcloud.cloudformation.CloudFormation;
import com.wildrydes.localcloud.cloudformation.CloudFormationContext;
import com.wildrydes.localcloud.cloudformation.Stack;
import com.wildrydes.localcloud.cloudformation.StackResource;
import com.wildrydes.localcloud.cloudformation.template.TemplateException;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.sns.SnsMessageAttribute;
import com.wildrydes.localcloud.sns.SnsService;
import com.wildrydes.localcloud.sns.SubscriptionView;
import com.wildrydes.localcloud.sns.TopicView;
import com.wildrydes.localcloud.sqs.MessageSnapshot;
import com.wildrydes.localcloud.sqs.SqsDeadLetterSink;
import com.wildrydes.localcloud.sqs.SqsService;
import com.wildrydes.localcloud.sqs.cloudformation.SqsQueuePolicyProvisioner;
import com.wildrydes.localcloud.sqs.cloudformation.SqsQueueProvisioner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Templates with topics, queues and SNS-triggered functions, deployed by the engine onto real local SNS and SQS. */
class SnsSqsTemplatesTest {

    private static final String ENDPOINT = "http://127.0.0.1:4566";
    private static final Duration DELIVERY = Duration.ofSeconds(5);
    private static final String RIDE = "{\"RideId\":\"7c7f\",\"Unicorn\":{\"Name\":\"Shadowfax\",\"Color\":\"White\"}}";

    /** What a ride-record service subscribed to ride events looks like, with an audit queue fed by the same topic. */
    private static final String RIDE_RECORD = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              RideKind: {Type: String, Default: ride}
            Resources:
              RidesTopic:
                Type: AWS::SNS::Topic
                Properties:
                  DisplayName: Wild Rydes rides
              FailedRecords:
                Type: AWS::SQS::Queue
                Properties:
                  MessageRetentionPeriod: 1209600
              RideAudit:
                Type: AWS::SQS::Queue
              RideAuditPolicy:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [!Ref RideAudit]
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Allow
                        Principal: {Service: sns.amazonaws.com}
                        Action: sqs:SendMessage
                        Resource: !GetAtt RideAudit.Arn
                        Condition: {ArnEquals: {aws:SourceArn: !Ref RidesTopic}}
              RideAuditSubscription:
                Type: AWS::SNS::Subscription
                Properties:
                  TopicArn: !Ref RidesTopic
                  Protocol: sqs
                  Endpoint: !GetAtt RideAudit.Arn
                  RawMessageDelivery: true
              PutRideRecord:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: target/app.jar
                  Handler: com.wildrydes.RecordHandler::handleRequest
                  Runtime: java21
                  DeadLetterQueue:
                    Type: SQS
                    TargetArn: !GetAtt FailedRecords.Arn
                  Events:
                    RideRequested:
                      Type: SNS
                      Properties:
                        Topic: !Ref RidesTopic
                        FilterPolicy:
                          kind: [!Ref RideKind]
            Outputs:
              TopicArn: {Value: !Ref RidesTopic}
              TopicName: {Value: !GetAtt RidesTopic.TopicName}
              FailedRecordsUrl: {Value: !Ref FailedRecords}
              FailedRecordsName: {Value: !GetAtt FailedRecords.QueueName}
            """;

    @TempDir
    Path dir;

    private final FakeLambda lambda = new FakeLambda();
    private final SqsService sqs = new SqsService(ENDPOINT);
    private final SnsService sns = new SnsService(ENDPOINT, lambda, sqs);
    private final CloudFormation cloudFormation = new CloudFormation(CloudFormationContext.builder()
            .edgeUrl(() -> ENDPOINT)
            .lambda(lambda)
            .apiGateway(new NoApiGateway())
            .dynamodb(new NoOperationsService("DynamoDB"))
            .ssm(new NoOperationsService("SSM"))
            .provisioner(new SqsQueueProvisioner(sqs))
            .provisioner(new SqsQueuePolicyProvisioner(sqs))
            .provisioner(new SnsTopicProvisioner(sns))
            .provisioner(new SnsSubscriptionProvisioner(sns))
            .provisioner(new SnsTopicPolicyProvisioner(sns))
            .eventSource(new SnsEventSource())
            .build());

    @AfterEach
    void stop() {
        sns.close();
    }

    private Path template(String yaml) throws IOException {
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/app.jar"), "a function artifact");
        return Files.writeString(dir.resolve("template.yaml"), yaml, StandardCharsets.UTF_8);
    }

    @Test
    void deliversFilteredTopicMessagesToTheFunctionAndTearsEverythingDown() throws Exception {
        Stack stack = cloudFormation.deploy("ride-record", template(RIDE_RECORD), Map.of());

        String topicArn = stack.output("TopicArn").orElseThrow();
        FunctionConfig function = lambda.functions().getFirst();
        String functionArn = FakeLambda.ARN_PREFIX + function.functionName();
        assertThat(stack.output("TopicName")).hasValue(topicArn.substring(topicArn.lastIndexOf(':') + 1));
        assertThat(stack.resources()).extracting(StackResource::logicalId, StackResource::type).contains(
                tuple("PutRideRecordRideRequested", "AWS::SNS::Subscription"),
                tuple("PutRideRecordRideRequestedPermission", "AWS::Lambda::Permission"));
        TopicView topic = sns.topics().getFirst();
        assertThat(topic.arn()).isEqualTo(topicArn);
        assertThat(topic.subscriptions())
                .extracting(SubscriptionView::protocol, SubscriptionView::endpoint, SubscriptionView::filterPolicy)
                .containsExactlyInAnyOrder(
                        tuple("lambda", functionArn, "{\"kind\":[\"ride\"]}"),
                        tuple("sqs", sqs.queue(stack.resource("RideAudit").orElseThrow().physicalId()).arn(), null));

        sns.publish(topicArn, null, "{\"refund\":true}", null, Map.of("kind", SnsMessageAttribute.string("refund")));
        sns.publish(topicArn, "Ride requested", RIDE, null, Map.of("kind", SnsMessageAttribute.string("ride")));

        FakeLambda.Invoke invoke = lambda.nextInvoke(DELIVERY);
        assertThat(invoke.function()).isEqualTo(functionArn);
        SNSEvent event = LambdaEventSerializers.serializerFor(SNSEvent.class, getClass().getClassLoader()).fromJson(invoke.payload());
        assertThat(event.getRecords()).hasSize(1);
        assertThat(event.getRecords().getFirst().getEventSubscriptionArn()).startsWith(topicArn + ":");
        assertThat(event.getRecords().getFirst().getSNS().getTopicArn()).isEqualTo(topicArn);
        assertThat(event.getRecords().getFirst().getSNS().getMessage()).isEqualTo(RIDE);
        assertThat(lambda.pendingInvokes()).isEmpty();
        assertThat(lambdaSubscription().filteredOut()).isEqualTo(1);
        assertThat(awaitMessages(stack.resource("RideAudit").orElseThrow().physicalId(), 2))
                .extracting(MessageSnapshot::body).containsExactly("{\"refund\":true}", RIDE);

        cloudFormation.delete("ride-record");

        assertThat(sns.topics()).isEmpty();
        assertThat(sqs.queueNames()).isEmpty();
        assertThat(lambda.functions()).isEmpty();
    }

    @Test
    void theFunctionsDeadLetterQueueIsTheTemplatesQueue() throws Exception {
        Stack stack = cloudFormation.deploy("ride-record", template(RIDE_RECORD), Map.of());
        String failedRecordsUrl = stack.output("FailedRecordsUrl").orElseThrow();

        String target = lambda.functions().getFirst().async().onFailureTargetArn();

        assertThat(target).isEqualTo(sqs.queue(failedRecordsUrl).arn());
        assertThat(stack.output("FailedRecordsName")).hasValue(sqs.queue(failedRecordsUrl).name());
        assertThat(sqs.queueAttributes(failedRecordsUrl)).containsEntry("MessageRetentionPeriod", "1209600");
        // What Lambda does with an event whose retries ran out: it lands in the queue the template declared.
        new SqsDeadLetterSink(sqs).send(target, RIDE.getBytes(StandardCharsets.UTF_8),
                Map.of("RequestID", "r-1", "ErrorCode", "200", "ErrorMessage", "ride table unavailable"));
        assertThat(sqs.peek(failedRecordsUrl, 10)).extracting(MessageSnapshot::body).containsExactly(RIDE);
    }

    @Test
    void aRedeployUpdatesTheFilterInPlaceAndRemovesADroppedEvent() throws Exception {
        cloudFormation.deploy("ride-record", template(RIDE_RECORD), Map.of());
        String subscriptionArn = lambdaSubscription().arn();

        cloudFormation.deploy("ride-record", template(RIDE_RECORD), Map.of("RideKind", "refund"));

        assertThat(lambdaSubscription().arn()).isEqualTo(subscriptionArn);
        assertThat(lambdaSubscription().filterPolicy()).isEqualTo("{\"kind\":[\"refund\"]}");

        Stack stack = cloudFormation.deploy("ride-record", template(RIDE_RECORD.replace("""
                      Events:
                        RideRequested:
                          Type: SNS
                          Properties:
                            Topic: !Ref RidesTopic
                            FilterPolicy:
                              kind: [!Ref RideKind]
                """, "")), Map.of());

        assertThat(stack.resource("PutRideRecordRideRequested")).isEmpty();
        assertThat(stack.resource("PutRideRecordRideRequestedPermission")).isEmpty();
        assertThat(sns.topics().getFirst().subscriptions()).extracting(SubscriptionView::protocol).containsExactly("sqs");
    }

    @Test
    void refusesWhatLocalCloudDoesNotSupportNamingWhatItDoes() throws Exception {
        assertRefused(RIDE_RECORD.replace("Topic: !Ref RidesTopic\n", "Topic: !Ref RidesTopic\n"
                        + "            RedrivePolicy: {deadLetterTargetArn: !GetAtt FailedRecords.Arn}\n"),
                "Events.RideRequested (SNS) has the property RedrivePolicy, which local-cloud does not support;"
                        + " supported: FilterPolicy, FilterPolicyScope, Region, SqsSubscription, Topic");
        assertRefused(RIDE_RECORD.replace("Topic: !Ref RidesTopic\n", "Topic: !Ref RidesTopic\n"
                        + "            SqsSubscription: true\n"),
                "Events.RideRequested (SNS): SqsSubscription is not supported by local-cloud");
        assertRefused(RIDE_RECORD.replace("DisplayName: Wild Rydes rides", "KmsMasterKeyId: alias/aws/sns"),
                "resource RidesTopic (AWS::SNS::Topic) has the property KmsMasterKeyId, which local-cloud does not support;"
                        + " supported properties: DisplayName, FifoTopic, Subscription, Tags, TopicName");
        assertRefused(RIDE_RECORD.replace("MessageRetentionPeriod: 1209600", "FifoQueue: true"),
                "resource FailedRecords (AWS::SQS::Queue): FIFO queues are not supported");
        assertRefused(RIDE_RECORD.replace("MessageRetentionPeriod: 1209600", "SqsManagedSseEnabled: true"),
                "has the property SqsManagedSseEnabled, which local-cloud does not support; supported properties:"
                        + " DelaySeconds, FifoQueue, MaximumMessageSize, MessageRetentionPeriod, QueueName,"
                        + " ReceiveMessageWaitTimeSeconds, RedrivePolicy, Tags, VisibilityTimeout");
        assertRefused(RIDE_RECORD.replace("Protocol: sqs", "Protocol: email"),
                "Protocol email is not supported by local-cloud, whose SNS delivers to functions and queues only;"
                        + " supported protocols: lambda, sqs");
    }

    private void assertRefused(String yaml, String message) throws IOException {
        assertThatThrownBy(() -> cloudFormation.deploy("ride-record", template(yaml), Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(message);
        assertThat(sns.topics()).isEmpty();
        assertThat(sqs.queueNames()).isEmpty();
        assertThat(lambda.functions()).isEmpty();
    }

    private SubscriptionView lambdaSubscription() {
        return sns.topics().getFirst().subscriptions().stream().filter(s -> s.protocol().equals("lambda")).findFirst().orElseThrow();
    }

    private List<MessageSnapshot> awaitMessages(String queue, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERY);
        List<MessageSnapshot> messages = sqs.peek(queue, 10);
        while (messages.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
            messages = sqs.peek(queue, 10);
        }
        return messages;
    }
}
