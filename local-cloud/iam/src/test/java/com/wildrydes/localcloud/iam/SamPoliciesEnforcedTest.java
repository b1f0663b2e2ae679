package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.cloudformation.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static com.wildrydes.localcloud.iam.LocalServices.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A SAM template deployed by the real CloudFormation engine: its policy templates, inline
 * statements and managed policies become the role's statements, and the function's calls are
 * allowed and refused by exactly those, with the role and function names the stack gave them.
 */
class SamPoliciesEnforcedTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: java21
                CodeUri: target/app.jar
                Handler: example.Handler::handleRequest
            Resources:
              Rides:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: RideId, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: RideId, AttributeType: S}]
              RidesTopic:
                Type: AWS::SNS::Topic
              AuditTopic:
                Type: AWS::SNS::Topic
              RidesDlq:
                Type: AWS::SQS::Queue
              Fleet:
                Type: AWS::Serverless::Function
              Rider:
                Type: AWS::Serverless::Function
                Properties:
                  Policies:
                    - DynamoDBCrudPolicy: {TableName: !Ref Rides}
                    - SNSPublishMessagePolicy: {TopicName: !GetAtt RidesTopic.TopicName}
                    - LambdaInvokePolicy: {FunctionName: !Ref Fleet}
                    - SQSSendMessagePolicy: {QueueName: !GetAtt RidesDlq.QueueName}
                    - SSMParameterReadPolicy: {ParameterName: wild-rydes/dev/*}
                    - Version: "2012-10-17"
                      Statement:
                        - Effect: Deny
                          Action: dynamodb:DeleteItem
                          Resource: !GetAtt Rides.Arn
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Policies:
                    - AmazonSSMReadOnlyAccess
            """;

    @TempDir
    static Path dir;

    private static LocalServices cloud;
    private static String table;
    private static String ridesTopic;
    private static String auditTopic;
    private static String dlqUrl;
    private static String riderRole;

    @BeforeAll
    static void deploy() throws IOException {
        cloud = new LocalServices();
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/app.jar"), "stand-in artifact");
        Stack stack = cloud.cloudFormation.deploy("rides", Files.writeString(dir.resolve("template.yaml"), TEMPLATE), Map.of());
        table = stack.resource("Rides").orElseThrow().physicalId();
        ridesTopic = stack.resource("RidesTopic").orElseThrow().physicalId();
        auditTopic = stack.resource("AuditTopic").orElseThrow().physicalId();
        dlqUrl = cloud.sqs.queue(stack.resource("RidesDlq").orElseThrow().physicalId()).url();
        riderRole = cloud.lambda.function("rides-Rider").orElseThrow().roleArn();
        cloud.keys.put("ASIARIDER00000000001", "rides-Rider");
        cloud.keys.put("ASIAREADER0000000001", "rides-Reader");
        try (SsmClient ssm = cloud.admin(SsmClient.builder())) {
            ssm.putParameter(p -> p.name("/wild-rydes/dev/RidesTopicArn").value(ridesTopic).type(ParameterType.STRING));
            ssm.putParameter(p -> p.name("/wild-rydes/prod/RidesTopicArn").value(ridesTopic).type(ParameterType.STRING));
        }
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String refused(String action, String resource) {
        String roleName = riderRole.substring(riderRole.lastIndexOf('/') + 1);
        return "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/" + roleName + "/rides-Rider is not authorized to perform: " + action
                + " on resource: " + resource + " because no identity-based policy allows the " + action + " action";
    }

    private static void assertRefused(AwsServiceException e, String code, String message) {
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    @Test
    void theRoleIsTheOneSamGeneratedForTheFunction() {
        assertThat(riderRole).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/rides-RiderRole");
    }

    @Test
    void dynamoDbCrudPolicyAllowsItemCallsOnItsTableAndAnInlineDenyOverridesIt() {
        try (DynamoDbClient rider = cloud.client(DynamoDbClient.builder(), "ASIARIDER00000000001")) {
            Map<String, AttributeValue> key = Map.of("RideId", AttributeValue.fromS("r-1"));
            rider.putItem(p -> p.tableName(table).item(key));
            assertThat(rider.getItem(g -> g.tableName(table).key(key)).hasItem()).isTrue();
            assertThat(rider.scan(s -> s.tableName(table)).count()).isEqualTo(1);
            String arn = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/" + table;
            assertRefused(catchThrowableOfType(DynamoDbException.class, () -> rider.deleteItem(d -> d.tableName(table).key(key))),
                    "AccessDeniedException", refused("dynamodb:DeleteItem", arn).replaceFirst(" because no .*",
                            " with an explicit deny in an identity-based policy"));
            assertRefused(catchThrowableOfType(DynamoDbException.class, () -> rider.deleteTable(d -> d.tableName(table))),
                    "AccessDeniedException", refused("dynamodb:DeleteTable", arn));
        }
    }

    @Test
    void snsPublishMessagePolicyAllowsPublishingToItsTopicOnly() {
        try (SnsClient rider = cloud.client(SnsClient.builder(), "ASIARIDER00000000001")) {
            assertThat(rider.publish(p -> p.topicArn(ridesTopic).message("{}")).messageId()).isNotBlank();
            assertRefused(catchThrowableOfType(AuthorizationErrorException.class, () -> rider.publish(p -> p.topicArn(auditTopic).message("{}"))),
                    "AuthorizationError", refused("SNS:Publish", auditTopic));
        }
    }

    @Test
    void lambdaInvokePolicyAllowsTheFunctionAndItsAliasesButNothingElse() {
        try (LambdaClient rider = cloud.client(LambdaClient.builder(), "ASIARIDER00000000001")) {
            assertThat(rider.invoke(i -> i.functionName("rides-Fleet").invocationType(InvocationType.DRY_RUN)).statusCode()).isEqualTo(204);
            assertThat(rider.invoke(i -> i.functionName("rides-Fleet:live").invocationType(InvocationType.DRY_RUN)).statusCode()).isEqualTo(204);
            assertRefused(catchThrowableOfType(LambdaException.class,
                            () -> rider.invoke(i -> i.functionName("rides-Reader").invocationType(InvocationType.DRY_RUN))),
                    "AccessDeniedException", refused("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:rides-Reader"));
        }
    }

    @Test
    void sqsSendMessagePolicyAllowsSendingButNotReceiving() {
        try (SqsClient rider = cloud.client(SqsClient.builder(), "ASIARIDER00000000001")) {
            rider.sendMessage(m -> m.queueUrl(dlqUrl).messageBody("parked"));
            String queueArn = cloud.sqs.queue(dlqUrl).arn();
            assertRefused(catchThrowableOfType(SqsException.class, () -> rider.receiveMessage(r -> r.queueUrl(dlqUrl))),
                    "AccessDenied", refused("sqs:receivemessage", queueArn));
        }
    }

    @Test
    void ssmParameterReadPolicyAllowsReadingUnderItsNameOnly() {
        try (SsmClient rider = cloud.client(SsmClient.builder(), "ASIARIDER00000000001")) {
            assertThat(rider.getParameter(g -> g.name("/wild-rydes/dev/RidesTopicArn")).parameter().value()).isEqualTo(ridesTopic);
            assertRefused(catchThrowableOfType(SsmException.class, () -> rider.getParameter(g -> g.name("/wild-rydes/prod/RidesTopicArn"))),
                    "AccessDeniedException", refused("ssm:GetParameter", "arn:aws:ssm:us-east-1:" + ACCOUNT + ":parameter/wild-rydes/prod/RidesTopicArn"));
            assertRefused(catchThrowableOfType(SsmException.class, () -> rider.putParameter(p -> p.name("/wild-rydes/dev/RidesTopicArn")
                            .value("x").type(ParameterType.STRING).overwrite(true))),
                    "AccessDeniedException", refused("ssm:PutParameter", "arn:aws:ssm:us-east-1:" + ACCOUNT + ":parameter/wild-rydes/dev/RidesTopicArn"));
        }
    }

    @Test
    void aManagedPolicyGrantsItsActionsOnEveryResource() {
        try (SsmClient reader = cloud.client(SsmClient.builder(), "ASIAREADER0000000001");
             SnsClient readerSns = cloud.client(SnsClient.builder(), "ASIAREADER0000000001")) {
            assertThat(reader.getParameter(g -> g.name("/wild-rydes/prod/RidesTopicArn")).parameter().value()).isEqualTo(ridesTopic);
            assertThat(reader.describeParameters().parameters()).isNotEmpty();
            AuthorizationErrorException publish = catchThrowableOfType(AuthorizationErrorException.class,
                    () -> readerSns.publish(p -> p.topicArn(ridesTopic).message("{}")));
            assertThat(publish.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::" + ACCOUNT
                    + ":assumed-role/rides-ReaderRole/rides-Reader is not authorized to perform: SNS:Publish on resource: " + ridesTopic
                    + " because no identity-based policy allows the SNS:Publish action");
        }
    }
}
