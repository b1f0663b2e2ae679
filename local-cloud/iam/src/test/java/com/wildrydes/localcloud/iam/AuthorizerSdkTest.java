package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.cloudformation.PolicyStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.wildrydes.localcloud.iam.LocalServices.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The real SDK v2 clients a function uses, signing with a function's key against the edge with the
 * authorizer installed: allowed calls are served, refused ones fail with the exception, status,
 * error code and message the SDK produces against AWS, and other keys keep full access.
 */
class AuthorizerSdkTest {

    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/rides-RequestRideRole";
    private static final String EMPTY_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/rides-NothingRole";
    private static final String FOREIGN_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/made-outside-local-cloud";
    private static final String KEY = "ASIAREQUESTRIDE00001";
    private static final String NOTHING_KEY = "ASIANOTHING000000001";
    private static final String FOREIGN_KEY = "ASIAFOREIGN000000001";
    private static final String CALLER = "arn:aws:sts::" + ACCOUNT + ":assumed-role/rides-RequestRideRole/rides-RequestRide";
    private static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/";
    private static final String TOPIC_ARN = "arn:aws:sns:us-east-1:" + ACCOUNT + ":";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:";

    @TempDir
    static Path artifacts;

    private static LocalServices cloud;
    private static String dlqUrl;
    private static String auditQueueUrl;

    private static PolicyStatement allow(String action, String... resources) {
        return new PolicyStatement("Allow", List.of(action), List.of(resources), Map.of(), "RequestRideRolePolicy0");
    }

    private static final List<PolicyStatement> REQUEST_RIDE_POLICY = List.of(
            new PolicyStatement("Allow", List.of("dynamodb:PutItem", "dynamodb:BatchWriteItem"), List.of(TABLE_ARN + "Rides"), Map.of(),
                    "RequestRideRolePolicy0"),
            allow("dynamodb:Get*", TABLE_ARN + "Unicorns"),
            new PolicyStatement("Deny", List.of("dynamodb:DeleteItem"), List.of("*"), Map.of(), "RequestRideRolePolicy1"),
            allow("ssm:GetParameter*", "arn:aws:ssm:us-east-1:" + ACCOUNT + ":parameter/wild-rydes/*"),
            allow("sqs:SendMessage*", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":rides-dlq"),
            allow("sns:Publish", TOPIC_ARN + "rides"),
            allow("lambda:InvokeFunction", FUNCTION_ARN + "fleet-RequestUnicorn*"));

    @BeforeAll
    static void start() throws IOException {
        cloud = new LocalServices();
        Path jar = Files.writeString(artifacts.resolve("app.jar"), "stand-in artifact");
        cloud.roles.put(ROLE, REQUEST_RIDE_POLICY);
        cloud.roles.put(EMPTY_ROLE, List.of());
        cloud.function("rides-RequestRide", ROLE, jar, KEY);
        cloud.function("rides-Nothing", EMPTY_ROLE, jar, NOTHING_KEY);
        cloud.function("rides-Foreign", FOREIGN_ROLE, jar, FOREIGN_KEY);
        cloud.function("fleet-RequestUnicorn", EMPTY_ROLE, jar, "ASIAFLEET00000000001");
        cloud.function("rides-Other", EMPTY_ROLE, jar, "ASIAOTHER00000000001");

        try (DynamoDbClient admin = cloud.admin(DynamoDbClient.builder());
             SsmClient ssm = cloud.admin(SsmClient.builder());
             SqsClient sqs = cloud.admin(SqsClient.builder());
             SnsClient sns = cloud.admin(SnsClient.builder())) {
            for (String table : List.of("Rides", "Unicorns")) {
                String key = table.equals("Rides") ? "RideId" : "Name";
                admin.createTable(t -> t.tableName(table)
                        .keySchema(KeySchemaElement.builder().attributeName(key).keyType(KeyType.HASH).build())
                        .attributeDefinitions(AttributeDefinition.builder().attributeName(key).attributeType(ScalarAttributeType.S).build())
                        .billingMode("PAY_PER_REQUEST"));
            }
            admin.putItem(p -> p.tableName("Unicorns").item(Map.of("Name", s("Shadowfax"), "Color", s("White"))));
            ssm.putParameter(p -> p.name("/wild-rydes/dev/RidesTopicArn").value(TOPIC_ARN + "rides").type(ParameterType.STRING));
            ssm.putParameter(p -> p.name("/secret/db-password").value("hunter2").type(ParameterType.STRING));
            dlqUrl = sqs.createQueue(q -> q.queueName("rides-dlq")).queueUrl();
            auditQueueUrl = sqs.createQueue(q -> q.queueName("audit")).queueUrl();
            sns.createTopic(t -> t.name("rides"));
            sns.createTopic(t -> t.name("audit"));
        }
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static void assertRefused(AwsServiceException e, int status, String code, String message) {
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(e.requestId()).isNotBlank();
    }

    private static String implicit(String action, String resource) {
        return "User: " + CALLER + " is not authorized to perform: " + action + " on resource: " + resource
                + " because no identity-based policy allows the " + action + " action";
    }

    @Test
    void dynamoDbServesWhatThePolicyAllowsAndRefusesTheRestAsAwsDoes() {
        String rideId = UUID.randomUUID().toString();
        try (DynamoDbClient function = cloud.client(DynamoDbClient.builder(), KEY);
             DynamoDbClient admin = cloud.admin(DynamoDbClient.builder())) {
            function.putItem(p -> p.tableName("Rides").item(Map.of("RideId", s(rideId))));
            assertThat(function.getItem(g -> g.tableName("Unicorns").key(Map.of("Name", s("Shadowfax")))).item())
                    .containsEntry("Color", s("White"));

            DynamoDbException refused = catchThrowableOfType(DynamoDbException.class,
                    () -> function.getItem(g -> g.tableName("Rides").key(Map.of("RideId", s(rideId)))));
            assertRefused(refused, 400, "AccessDeniedException", implicit("dynamodb:GetItem", TABLE_ARN + "Rides"));

            DynamoDbException denied = catchThrowableOfType(DynamoDbException.class,
                    () -> function.deleteItem(d -> d.tableName("Rides").key(Map.of("RideId", s(rideId)))));
            assertRefused(denied, 400, "AccessDeniedException", "User: " + CALLER
                    + " is not authorized to perform: dynamodb:DeleteItem on resource: " + TABLE_ARN
                    + "Rides with an explicit deny in an identity-based policy");

            DynamoDbException batch = catchThrowableOfType(DynamoDbException.class, () -> function.batchWriteItem(b -> b.requestItems(Map.of(
                    "Rides", List.of(put(Map.of("RideId", s("batched")))),
                    "Unicorns", List.of(put(Map.of("Name", s("Rocinante"))))))));
            assertRefused(batch, 400, "AccessDeniedException", implicit("dynamodb:BatchWriteItem", TABLE_ARN + "Unicorns"));

            assertThat(admin.getItem(g -> g.tableName("Rides").key(Map.of("RideId", s(rideId)))).item())
                    .as("the refused delete did not run").containsEntry("RideId", s(rideId));
            assertThat(admin.getItem(g -> g.tableName("Rides").key(Map.of("RideId", s("batched")))).hasItem())
                    .as("no part of a refused batch runs").isFalse();
        }
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    @Test
    void ssmRefusesParametersOutsideThePolicy() {
        try (SsmClient function = cloud.client(SsmClient.builder(), KEY)) {
            assertThat(function.getParameter(g -> g.name("/wild-rydes/dev/RidesTopicArn")).parameter().value()).isEqualTo(TOPIC_ARN + "rides");
            String secret = "arn:aws:ssm:us-east-1:" + ACCOUNT + ":parameter/secret/db-password";
            SsmException refused = catchThrowableOfType(SsmException.class, () -> function.getParameter(g -> g.name("/secret/db-password")));
            assertRefused(refused, 400, "AccessDeniedException", implicit("ssm:GetParameter", secret));
            SsmException some = catchThrowableOfType(SsmException.class,
                    () -> function.getParameters(g -> g.names("/wild-rydes/dev/RidesTopicArn", "/secret/db-password")));
            assertRefused(some, 400, "AccessDeniedException", implicit("ssm:GetParameters", secret));
        }
    }

    @Test
    void sqsRefusesOverJsonWithTheQueryCodeTheSdkReports() {
        try (SqsClient function = cloud.client(SqsClient.builder(), KEY); SqsClient admin = cloud.admin(SqsClient.builder())) {
            function.sendMessage(m -> m.queueUrl(dlqUrl).messageBody("parked ride"));
            function.sendMessageBatch(b -> b.queueUrl(dlqUrl).entries(SendMessageBatchRequestEntry.builder().id("1").messageBody("another").build()));

            SqsException receive = catchThrowableOfType(SqsException.class, () -> function.receiveMessage(r -> r.queueUrl(dlqUrl)));
            String dlq = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":rides-dlq";
            assertRefused(receive, 403, "AccessDenied", implicit("sqs:receivemessage", dlq));

            SqsException send = catchThrowableOfType(SqsException.class,
                    () -> function.sendMessage(m -> m.queueUrl(auditQueueUrl).messageBody("x")));
            assertRefused(send, 403, "AccessDenied", implicit("sqs:sendmessage", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":audit"));
            assertThat(admin.getQueueAttributes(a -> a.queueUrl(auditQueueUrl).attributeNamesWithStrings("ApproximateNumberOfMessages"))
                    .attributesAsStrings()).containsEntry("ApproximateNumberOfMessages", "0");
            assertThat(admin.receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10)).messages()).hasSize(2);
        }
    }

    @Test
    void sqsRefusesOverTheQueryProtocolWithItsXmlError() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(cloud.endpoint().resolve("/"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY + "/20261127/us-east-1/sqs/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("Action=PurgeQueue&QueueUrl=" + URLEncoder.encode(dlqUrl, StandardCharsets.UTF_8)
                        + "&Version=2012-11-05"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(response.body())
                .startsWith("<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\"><Error>"
                        + "<Type>Sender</Type><Code>AccessDenied</Code><Message>"
                        + implicit("sqs:purgequeue", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":rides-dlq") + "</Message><Detail/></Error><RequestId>")
                .endsWith("</RequestId></ErrorResponse>");
    }

    @Test
    void snsRefusesWithAuthorizationError() {
        try (SnsClient function = cloud.client(SnsClient.builder(), KEY)) {
            assertThat(function.publish(p -> p.topicArn(TOPIC_ARN + "rides").message("{}")).messageId()).isNotBlank();

            AuthorizationErrorException publish = catchThrowableOfType(AuthorizationErrorException.class,
                    () -> function.publish(p -> p.topicArn(TOPIC_ARN + "audit").message("{}")));
            assertRefused(publish, 403, "AuthorizationError", implicit("SNS:Publish", TOPIC_ARN + "audit"));

            AuthorizationErrorException subscribe = catchThrowableOfType(AuthorizationErrorException.class,
                    () -> function.subscribe(s -> s.topicArn(TOPIC_ARN + "rides").protocol("sqs").endpoint("arn:aws:sqs:us-east-1:" + ACCOUNT + ":audit")));
            assertRefused(subscribe, 403, "AuthorizationError", implicit("SNS:Subscribe", TOPIC_ARN + "rides"));

            AuthorizationErrorException list = catchThrowableOfType(AuthorizationErrorException.class, function::listTopics);
            assertRefused(list, 403, "AuthorizationError", implicit("SNS:ListTopics", "*"));
        }
    }

    @Test
    void lambdaRefusesWithAccessDeniedBeforeLookingTheFunctionUp() {
        try (LambdaClient function = cloud.client(LambdaClient.builder(), KEY)) {
            assertThat(function.invoke(i -> i.functionName("fleet-RequestUnicorn").invocationType(InvocationType.DRY_RUN)).statusCode())
                    .isEqualTo(204);
            assertThat(function.invoke(i -> i.functionName(FUNCTION_ARN + "fleet-RequestUnicorn:live")
                    .invocationType(InvocationType.DRY_RUN)).statusCode()).isEqualTo(204);

            LambdaException other = catchThrowableOfType(LambdaException.class,
                    () -> function.invoke(i -> i.functionName("rides-Other").payload(SdkBytes.fromUtf8String("{}"))));
            assertRefused(other, 403, "AccessDeniedException", implicit("lambda:InvokeFunction", FUNCTION_ARN + "rides-Other"));

            LambdaException ghost = catchThrowableOfType(LambdaException.class,
                    () -> function.invoke(i -> i.functionName("ghost").payload(SdkBytes.fromUtf8String("{}"))));
            assertRefused(ghost, 403, "AccessDeniedException", implicit("lambda:InvokeFunction", FUNCTION_ARN + "ghost"));

            LambdaException get = catchThrowableOfType(LambdaException.class, () -> function.getFunction(g -> g.functionName("fleet-RequestUnicorn")));
            assertRefused(get, 403, "AccessDeniedException", implicit("lambda:GetFunction", FUNCTION_ARN + "fleet-RequestUnicorn"));

            LambdaException list = catchThrowableOfType(LambdaException.class, function::listFunctions);
            assertRefused(list, 403, "AccessDeniedException", implicit("lambda:ListFunctions", "*"));
        }
    }

    @Test
    void aRoleWithoutStatementsMayCallNothing() {
        try (DynamoDbClient function = cloud.client(DynamoDbClient.builder(), NOTHING_KEY)) {
            DynamoDbException refused = catchThrowableOfType(DynamoDbException.class, () -> function.listTables());
            assertRefused(refused, 400, "AccessDeniedException", "User: arn:aws:sts::" + ACCOUNT
                    + ":assumed-role/rides-NothingRole/rides-Nothing is not authorized to perform: dynamodb:ListTables on resource: *"
                    + " because no identity-based policy allows the dynamodb:ListTables action");
        }
    }

    @Test
    void callersThatAreNoFunctionKeepFullAccess() {
        try (DynamoDbClient dynamodb = cloud.admin(DynamoDbClient.builder());
             SnsClient sns = cloud.admin(SnsClient.builder());
             SqsClient sqs = cloud.admin(SqsClient.builder());
             LambdaClient lambda = cloud.admin(LambdaClient.builder())) {
            assertThat(dynamodb.listTables().tableNames()).contains("Rides", "Unicorns");
            assertThat(dynamodb.getItem(g -> g.tableName("Unicorns").key(Map.of("Name", s("Shadowfax")))).hasItem()).isTrue();
            assertThat(sns.listTopics().topics()).extracting(t -> t.topicArn()).contains(TOPIC_ARN + "rides", TOPIC_ARN + "audit");
            sqs.sendMessage(m -> m.queueUrl(auditQueueUrl).messageBody("from the console"));
            sqs.purgeQueue(p -> p.queueUrl(auditQueueUrl));
            assertThat(lambda.getFunction(g -> g.functionName("fleet-RequestUnicorn")).configuration().role()).isEqualTo(EMPTY_ROLE);
        }
    }

    @Test
    void aFunctionWhoseRoleNoStackCreatedIsNotChecked() {
        try (SnsClient function = cloud.client(SnsClient.builder(), FOREIGN_KEY)) {
            assertThat(function.listTopics().topics()).isNotEmpty();
        }
    }

    @Test
    void aChangedPolicyAppliesFromTheNextCall() {
        String role = "arn:aws:iam::" + ACCOUNT + ":role/fleet-InvokerRole";
        cloud.roles.put(role, List.of(allow("lambda:InvokeFunction", FUNCTION_ARN + "fleet-RequestUnicorn")));
        cloud.function("fleet-Invoker", role, artifacts.resolve("app.jar"), "ASIAINVOKER000000001");
        try (LambdaClient function = cloud.client(LambdaClient.builder(), "ASIAINVOKER000000001")) {
            assertThat(function.invoke(i -> i.functionName("fleet-RequestUnicorn").invocationType(InvocationType.DRY_RUN)).statusCode())
                    .isEqualTo(204);
            assertThatThrownBy(() -> function.invoke(i -> i.functionName("fleet-RequestUnicorn").qualifier("live")
                    .invocationType(InvocationType.DRY_RUN)))
                    .as("a grant on the unqualified ARN does not cover an alias, as in AWS")
                    .isInstanceOf(LambdaException.class)
                    .hasMessageContaining("on resource: " + FUNCTION_ARN + "fleet-RequestUnicorn:live because");

            cloud.roles.put(role, List.of(allow("lambda:InvokeFunction", FUNCTION_ARN + "fleet-RequestUnicorn",
                    FUNCTION_ARN + "fleet-RequestUnicorn:*")));
            assertThat(function.invoke(i -> i.functionName("fleet-RequestUnicorn").qualifier("live")
                    .invocationType(InvocationType.DRY_RUN)).statusCode()).isEqualTo(204);

            cloud.roles.put(role, List.of());
            assertThatThrownBy(() -> function.invoke(i -> i.functionName("fleet-RequestUnicorn").invocationType(InvocationType.DRY_RUN)))
                    .isInstanceOf(LambdaException.class)
                    .hasMessageStartingWith(implicit("lambda:InvokeFunction", FUNCTION_ARN + "fleet-RequestUnicorn")
                            .replace(CALLER, "arn:aws:sts::" + ACCOUNT + ":assumed-role/fleet-InvokerRole/fleet-Invoker"));
        }
    }
}
