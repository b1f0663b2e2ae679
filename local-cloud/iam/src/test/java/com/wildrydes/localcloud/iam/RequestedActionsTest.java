package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.dynamodb.DynamoDbService;
import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.sns.SnsService;
import com.wildrydes.localcloud.sqs.SqsService;
import com.wildrydes.localcloud.ssm.SsmService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each call local-cloud serves, read as the IAM action and resources AWS authorizes it as. */
class RequestedActionsTest {

    private static final Arns ARNS = new Arns("us-east-1", "000000000000");
    private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/";
    private static final String PARAMETER = "arn:aws:ssm:us-east-1:000000000000:parameter";
    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:";
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:";
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:";

    private final DynamoDbRules dynamodb = new DynamoDbRules(ARNS);
    private final SsmRules ssm = new SsmRules(ARNS);
    private final SqsRules sqs = new SqsRules(ARNS);
    private final SnsRules sns = new SnsRules(ARNS);
    private final LambdaRules lambda = new LambdaRules(ARNS);

    private static AwsRequest json(String service, String target, String body) {
        return new AwsRequest(service, "us-east-1", "ASIAFUNCTION", "POST", "/", null,
                Map.of("x-amz-target", List.of(target)), body.getBytes(StandardCharsets.UTF_8));
    }

    private static AwsRequest form(String service, String path, String rawQuery, String body) {
        return new AwsRequest(service, "us-east-1", "ASIAFUNCTION", "POST", path, rawQuery,
                Map.of("content-type", List.of("application/x-www-form-urlencoded")), body.getBytes(StandardCharsets.UTF_8));
    }

    private static AwsRequest rest(String method, String path, String rawQuery) {
        return new AwsRequest("lambda", "us-east-1", "ASIAFUNCTION", method, path, rawQuery, Map.of(), new byte[0]);
    }

    private static Optional<RequestedAction> action(String action, String... resources) {
        return Optional.of(new RequestedAction(action, List.of(resources)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            CreateTable    | {"TableName":"Rides","KeySchema":[]}                                   | dynamodb:CreateTable    | table/Rides
            DescribeTable  | {"TableName":"Rides"}                                                  | dynamodb:DescribeTable  | table/Rides
            DeleteTable    | {"TableName":"Rides"}                                                  | dynamodb:DeleteTable    | table/Rides
            PutItem        | {"Item":{"RideId":{"S":"1"}},"TableName":"Rides"}                      | dynamodb:PutItem        | table/Rides
            GetItem        | {"TableName":"Rides","Key":{"RideId":{"S":"1"}}}                       | dynamodb:GetItem        | table/Rides
            DeleteItem     | {"TableName":"Rides","Key":{"RideId":{"S":"1"}}}                       | dynamodb:DeleteItem     | table/Rides
            UpdateItem     | {"TableName":"Rides","Key":{},"UpdateExpression":"SET a = :a"}         | dynamodb:UpdateItem     | table/Rides
            Query          | {"TableName":"Rides","KeyConditionExpression":"RideId = :id"}          | dynamodb:Query          | table/Rides
            Query          | {"TableName":"Rides","IndexName":"ByUnicorn"}                          | dynamodb:Query          | table/Rides/index/ByUnicorn
            Scan           | {"IndexName":"ByUnicorn","TableName":"Rides"}                          | dynamodb:Scan           | table/Rides/index/ByUnicorn
            Scan           | {"TableName":"Rides"}                                                  | dynamodb:Scan           | table/Rides
            GetItem        | {"TableName":"Rides","IndexName":"ByUnicorn"}                          | dynamodb:GetItem        | table/Rides
            PutItem        | {"TableName":"Decoy","TableName":"Rides"}                              | dynamodb:PutItem        | table/Rides
            PutItem        | {"TableName":"arn:aws:dynamodb:us-east-1:000000000000:table/Rides"}    | dynamodb:PutItem        | table/Rides
            """)
    void dynamoDbAuthorizesTheTableOrIndexACallNames(String operation, String body, String action, String resource) {
        assertThat(dynamodb.requested(json("dynamodb", "DynamoDB_20120810." + operation, body)))
                .isEqualTo(action(action, "arn:aws:dynamodb:us-east-1:000000000000:" + resource));
    }

    @Test
    void dynamoDbBatchesAuthorizeEveryTableAndListTablesAnyResource() {
        assertThat(dynamodb.requested(json("dynamodb", "DynamoDB_20120810.BatchWriteItem",
                "{\"RequestItems\":{\"Rides\":[{\"PutRequest\":{\"Item\":{\"M\":{\"M\":{}}}}}],\"Unicorns\":[]}}")))
                .isEqualTo(action("dynamodb:BatchWriteItem", TABLE + "Rides", TABLE + "Unicorns"));
        assertThat(dynamodb.requested(json("dynamodb", "DynamoDB_20120810.BatchGetItem",
                "{\"RequestItems\":{\"Unicorns\":{\"Keys\":[{\"Name\":{\"S\":\"Shadowfax\"}}]}}}")))
                .isEqualTo(action("dynamodb:BatchGetItem", TABLE + "Unicorns"));
        assertThat(dynamodb.requested(json("dynamodb", "DynamoDB_20120810.ListTables", "{}")))
                .isEqualTo(action("dynamodb:ListTables", "*"));
    }

    @Test
    void dynamoDbCallsThatCannotNameATableAreLeftToTheServiceToRefuse() {
        assertThat(dynamodb.requested(json("dynamodb", "DynamoDB_20120810.PutItem", "{\"Item\":{}}"))).isEmpty();
        assertThat(dynamodb.requested(json("dynamodb", "DynamoDB_20120810.PutItem", "{\"TableName\":"))).isEmpty();
        assertThat(dynamodb.requested(json("dynamodb", "DynamoDB_20120810.PutItem", "[\"TableName\"]"))).isEmpty();
        assertThat(dynamodb.requested(json("dynamodb", "DynamoDB_20120810.PutItem", "{\"TableName\":\"\"}"))).isEmpty();
        assertThat(dynamodb.requested(json("dynamodb", "DynamoDB_20120810.PutItem", "{\"TableName\":42}"))).isEmpty();
        assertThat(dynamodb.requested(json("dynamodb", "DynamoDB_20120810.PutItem", "{\"TableName\":null}"))).isEmpty();
        assertThat(dynamodb.requested(json("dynamodb", "DynamoDB_20120810.BatchWriteItem", "{\"RequestItems\":{}}"))).isEmpty();
        assertThat(dynamodb.requested(json("dynamodb", "DynamoDB_20120810.TransactWriteItems", "{\"TransactItems\":[]}"))).isEmpty();
    }

    @Test
    void aLargeItemIsSkippedWhileItsTableIsRead() {
        String big = "x".repeat(350_000);
        String body = "{\"Item\":{\"Payload\":{\"S\":\"" + big + "\"},\"Nested\":{\"M\":{\"a\":{\"L\":[{\"S\":\"b\"}]}}}},\"TableName\":\"Rides\"}";
        assertThat(dynamodb.requested(json("dynamodb", "DynamoDB_20120810.PutItem", body)))
                .isEqualTo(action("dynamodb:PutItem", TABLE + "Rides"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            GetParameter        | {"Name":"/wild-rydes/dev/RidesTopicArn"}                          | parameter/wild-rydes/dev/RidesTopicArn
            GetParameter        | {"Name":"/wild-rydes/dev/RidesTopicArn:3","WithDecryption":true}  | parameter/wild-rydes/dev/RidesTopicArn
            GetParameter        | {"Name":"plain"}                                                  | parameter/plain
            GetParameter        | {"Name":"arn:aws:ssm:us-east-1:000000000000:parameter/a/b:2"}     | parameter/a/b
            PutParameter        | {"Name":"/a/b","Value":"v","Type":"String"}                       | parameter/a/b
            DeleteParameter     | {"Name":"/a/b"}                                                   | parameter/a/b
            GetParametersByPath | {"Path":"/wild-rydes/dev","Recursive":true}                       | parameter/wild-rydes/dev
            """)
    void ssmAuthorizesTheParameterOrPathACallNames(String operation, String body, String resource) {
        assertThat(ssm.requested(json("ssm", "AmazonSSM." + operation, body)))
                .isEqualTo(action("ssm:" + operation, PARAMETER + resource.substring("parameter".length())));
    }

    @Test
    void ssmCallsOnSeveralParametersAuthorizeEachAndDescribeAnyResource() {
        assertThat(ssm.requested(json("ssm", "AmazonSSM.GetParameters", "{\"Names\":[\"/a\",\"b\"]}")))
                .isEqualTo(action("ssm:GetParameters", PARAMETER + "/a", PARAMETER + "/b"));
        assertThat(ssm.requested(json("ssm", "AmazonSSM.DeleteParameters", "{\"Names\":[\"/a\"]}")))
                .isEqualTo(action("ssm:DeleteParameters", PARAMETER + "/a"));
        assertThat(ssm.requested(json("ssm", "AmazonSSM.DescribeParameters", "")))
                .isEqualTo(action("ssm:DescribeParameters", "*"));
        assertThat(ssm.requested(json("ssm", "AmazonSSM.GetParameters", "{\"Names\":[]}"))).isEmpty();
        assertThat(ssm.requested(json("ssm", "AmazonSSM.GetParameter", "{}"))).isEmpty();
        assertThat(ssm.requested(json("ssm", "AmazonSSM.LabelParameterVersion", "{\"Name\":\"/a\"}"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            GetQueueAttributes           | sqs:GetQueueAttributes
            SetQueueAttributes           | sqs:SetQueueAttributes
            DeleteQueue                  | sqs:DeleteQueue
            PurgeQueue                   | sqs:PurgeQueue
            SendMessage                  | sqs:SendMessage
            SendMessageBatch             | sqs:SendMessage
            ReceiveMessage               | sqs:ReceiveMessage
            DeleteMessage                | sqs:DeleteMessage
            DeleteMessageBatch           | sqs:DeleteMessage
            ChangeMessageVisibility      | sqs:ChangeMessageVisibility
            ChangeMessageVisibilityBatch | sqs:ChangeMessageVisibility
            ListDeadLetterSourceQueues   | sqs:ListDeadLetterSourceQueues
            TagQueue                     | sqs:TagQueue
            UntagQueue                   | sqs:UntagQueue
            ListQueueTags                | sqs:ListQueueTags
            """)
    void sqsAuthorizesTheQueueOfItsUrlOverBothProtocols(String operation, String action) {
        String url = "http://127.0.0.1:4566/000000000000/rides-dlq";
        assertThat(sqs.requested(json("sqs", "AmazonSQS." + operation, "{\"QueueUrl\":\"" + url + "\"}")))
                .isEqualTo(action(action, QUEUE + "rides-dlq"));
        assertThat(sqs.requested(form("sqs", "/", null, "Action=" + operation + "&QueueUrl="
                + java.net.URLEncoder.encode(url, StandardCharsets.UTF_8) + "&Version=2012-11-05")))
                .isEqualTo(action(action, QUEUE + "rides-dlq"));
        assertThat(sqs.requested(form("sqs", "/000000000000/rides-dlq", "Action=" + operation, "")))
                .as("a Query call posted to the queue's URL").isEqualTo(action(action, QUEUE + "rides-dlq"));
    }

    @Test
    void sqsCallsByQueueNameAndListQueues() {
        assertThat(sqs.requested(json("sqs", "AmazonSQS.CreateQueue", "{\"QueueName\":\"rides\"}")))
                .isEqualTo(action("sqs:CreateQueue", QUEUE + "rides"));
        assertThat(sqs.requested(json("sqs", "AmazonSQS.GetQueueUrl", "{\"QueueName\":\"rides\",\"QueueOwnerAWSAccountId\":\"111122223333\"}")))
                .isEqualTo(action("sqs:GetQueueUrl", "arn:aws:sqs:us-east-1:111122223333:rides"));
        assertThat(sqs.requested(form("sqs", "/", null, "Action=GetQueueUrl&QueueName=rides")))
                .isEqualTo(action("sqs:GetQueueUrl", QUEUE + "rides"));
        assertThat(sqs.requested(json("sqs", "AmazonSQS.ListQueues", "{}"))).isEqualTo(action("sqs:ListQueues", "*"));
        assertThat(sqs.requested(json("sqs", "AmazonSQS.SendMessage",
                "{\"QueueUrl\":\"https://sqs.us-east-1.amazonaws.com/111122223333/other\"}")))
                .as("the owner comes from the URL").isEqualTo(action("sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:other"));
        assertThat(sqs.requested(json("sqs", "AmazonSQS.SendMessage", "{\"MessageBody\":\"x\"}"))).isEmpty();
        assertThat(sqs.requested(form("sqs", "/", null, "Action=SendMessage&QueueUrl=%zz"))).isEmpty();
        assertThat(sqs.requested(json("sqs", "AmazonSQS.CancelMessageMoveTask", "{}"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A000000000000%3Arides&Message=hi            | sns:Publish                  | rides
            Action=Subscribe&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A000000000000%3Arides&Protocol=sqs        | sns:Subscribe                | rides
            Action=DeleteTopic&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A000000000000%3Arides                   | sns:DeleteTopic              | rides
            Action=GetTopicAttributes&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A000000000000%3Arides            | sns:GetTopicAttributes       | rides
            Action=SetTopicAttributes&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A000000000000%3Arides            | sns:SetTopicAttributes       | rides
            Action=ListSubscriptionsByTopic&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A000000000000%3Arides      | sns:ListSubscriptionsByTopic | rides
            Action=CreateTopic&Name=rides                                                                   | sns:CreateTopic              | rides
            Action=Unsubscribe&SubscriptionArn=arn%3Aaws%3Asns%3Aus-east-1%3A000000000000%3Arides%3Aab-12    | sns:Unsubscribe              | rides
            Action=GetSubscriptionAttributes&SubscriptionArn=arn:aws:sns:us-east-1:000000000000:rides:ab-12  | sns:GetSubscriptionAttributes | rides
            Action=SetSubscriptionAttributes&SubscriptionArn=arn:aws:sns:us-east-1:000000000000:rides:ab-12  | sns:SetSubscriptionAttributes | rides
            Action=Publish&TopicArn=arn:aws:sns:us-east-1:000000000000:decoy&TopicArn=arn:aws:sns:us-east-1:000000000000:rides | sns:Publish | rides
            """)
    void snsAuthorizesTheTopicACallNames(String body, String action, String topic) {
        assertThat(sns.requested(form("sns", "/", null, body))).isEqualTo(action(action, TOPIC + topic));
    }

    @Test
    void snsListsAuthorizeAnyResourceAndCallsWithoutATopicAreLeftToTheService() {
        assertThat(sns.requested(form("sns", "/", null, "Action=ListTopics"))).isEqualTo(action("sns:ListTopics", "*"));
        assertThat(sns.requested(form("sns", "/", null, "Action=ListSubscriptions&NextToken=abc")))
                .isEqualTo(action("sns:ListSubscriptions", "*"));
        assertThat(sns.requested(form("sns", "/", "Action=ListTopics", ""))).as("parameters in the query string")
                .isEqualTo(action("sns:ListTopics", "*"));
        assertThat(sns.requested(form("sns", "/", null, "Action=Publish&Message=hi"))).isEmpty();
        assertThat(sns.requested(form("sns", "/", null, "Action=Unsubscribe&SubscriptionArn=nonsense"))).isEmpty();
        assertThat(sns.requested(form("sns", "/", null, "Action=ConfirmSubscription&TopicArn=x"))).isEmpty();
        assertThat(sns.requested(form("sns", "/", null, "Message=no-action"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}?{2}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /2015-03-31/functions/fleet-RequestUnicorn/invocations                                                     |                 | lambda:InvokeFunction           | fleet-RequestUnicorn
            POST | /2015-03-31/functions/fleet-RequestUnicorn:live/invocations                                                |                 | lambda:InvokeFunction           | fleet-RequestUnicorn:live
            POST | /2015-03-31/functions/fleet-RequestUnicorn/invocations                                                     | Qualifier=live  | lambda:InvokeFunction           | fleet-RequestUnicorn:live
            POST | /2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Afleet-RequestUnicorn%3Alive/invocations | | lambda:InvokeFunction | fleet-RequestUnicorn:live
            POST | /2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:fleet-RequestUnicorn/invocations       | Qualifier=2     | lambda:InvokeFunction           | fleet-RequestUnicorn:2
            POST | /2015-03-31/functions/000000000000%3Afunction%3Afleet-RequestUnicorn/invocations                            |                 | lambda:InvokeFunction           | fleet-RequestUnicorn
            GET  | /2015-03-31/functions/fleet-RequestUnicorn                                                                 |                 | lambda:GetFunction              | fleet-RequestUnicorn
            GET  | /2015-03-31/functions/fleet-RequestUnicorn/configuration                                                   | Qualifier=live  | lambda:GetFunctionConfiguration | fleet-RequestUnicorn:live
            """)
    void lambdaAuthorizesTheFunctionAsTheCallerNamedIt(String method, String path, String query, String action, String function) {
        assertThat(lambda.requested(rest(method, path, query))).isEqualTo(action(action, FUNCTION + function));
    }

    @Test
    void lambdaListsAuthorizeAnyResourceAndOtherRoutesAreLeftToTheService() {
        assertThat(lambda.requested(rest("GET", "/2015-03-31/functions/", "MaxItems=10")))
                .isEqualTo(action("lambda:ListFunctions", "*"));
        assertThat(lambda.requested(rest("GET", "/2015-03-31/functions", null))).isEqualTo(action("lambda:ListFunctions", "*"));
        assertThat(lambda.requested(rest("DELETE", "/2015-03-31/functions/fleet", null))).isEmpty();
        assertThat(lambda.requested(rest("POST", "/2015-03-31/functions/a:b:c:d/invocations", null))).isEmpty();
        assertThat(lambda.requested(rest("POST", "/2015-03-31/functions/arn:aws:s3:::bucket/invocations", null))).isEmpty();
        assertThat(lambda.requested(rest("GET", "/2018-10-31/layers", null))).isEmpty();
    }

    /** A new operation in a service must get a rule here too, or a function could call it unchecked. */
    @Test
    void everyOperationTheServicesServeHasARule() throws Exception {
        String everyMember = "{\"TableName\":\"T\",\"RequestItems\":{\"T\":[]},\"Name\":\"/p\",\"Names\":[\"/p\"],\"Path\":\"/p\","
                + "\"QueueName\":\"q\",\"QueueUrl\":\"http://127.0.0.1/000000000000/q\"}";
        try (DynamoDbService service = new DynamoDbService("us-east-1", "000000000000", Optional.empty())) {
            assertThat(service.operations()).allSatisfy(operation ->
                    assertThat(dynamodb.requested(json("dynamodb", "DynamoDB_20120810." + operation, everyMember))).as(operation).isPresent());
        }
        assertThat(new SsmService("us-east-1", "000000000000", Optional.empty()).operations()).allSatisfy(operation ->
                assertThat(ssm.requested(json("ssm", "AmazonSSM." + operation, everyMember))).as(operation).isPresent());
        assertThat(new SqsService("http://127.0.0.1:1").operations()).allSatisfy(operation ->
                assertThat(sqs.requested(json("sqs", "AmazonSQS." + operation, everyMember))).as(operation).isPresent());
        try (SnsService service = new SnsService("http://127.0.0.1:1", new NoLambda(), new SqsService("http://127.0.0.1:1"))) {
            assertThat(service.actions()).allSatisfy(operation -> assertThat(sns.requested(form("sns", "/", null, "Action=" + operation
                    + "&Name=t&TopicArn=" + TOPIC + "t&SubscriptionArn=" + TOPIC + "t:1"))).as(operation).isPresent());
        }
    }
}
