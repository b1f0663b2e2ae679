package com.wildrydes.localcloud.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.LocalCloud;
import com.wildrydes.localcloud.LocalCloudOptions;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.testing.AwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's routes on a running local-cloud, read as a browser or a test tool reads them. */
class ConsoleTest {

    private static final String ROOT = "1-6763a2f1-0123456789abcdef01234567";

    @TempDir
    static Path templates;
    static LocalCloud cloud;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.start(LocalCloudOptions.ephemeral());
        try (DynamoDbClient dynamodb = AwsClients.at(DynamoDbClient.builder(), URI.create(cloud.endpoint()))) {
            dynamodb.createTable(b -> b.tableName("Rides").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("RideId").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("RideId").keyType(KeyType.HASH).build()));
            for (String id : List.of("r-1", "r-2", "r-3")) {
                dynamodb.putItem(b -> b.tableName("Rides").item(Map.of(
                        "RideId", AttributeValue.fromS(id),
                        "Unicorn", AttributeValue.fromM(Map.of("Name", AttributeValue.fromS("Shadowfax"))),
                        "Fare", AttributeValue.fromN("12.5"))));
            }
        }
        String dlqArn = cloud.sqs().createQueue("rides-dlq", Map.of(), Map.of()).arn();
        cloud.sqs().createQueue("rides", Map.of("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}"), Map.of());
        cloud.sqs().sendMessage("rides-dlq", "{\"RideId\":\"r-9\"}", Map.of());
        String topic = cloud.sns().createTopic("RideRequested", Map.of());
        cloud.sns().subscribe(topic, "sqs", dlqArn, Map.of());
        Path template = Files.writeString(templates.resolve("template.yaml"), """
                Resources:
                  Marker:
                    Type: AWS::SSM::Parameter
                    Properties: {Name: /wild-rydes/dev/Marker, Type: String, Value: here}
                Outputs:
                  RideApiUrl:
                    Value: http://127.0.0.1:4566/restapis/abcdefghij/Prod/ride
                """);
        cloud.deploy("wild-rydes", template, Map.of());
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cloud.endpoint() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void statusListsStacksTablesTopicsAndQueuesWithTheirDeadLetterQueues() throws Exception {
        JsonNode status = json("/_localcloud/status.json", 200);

        assertThat(status.path("riderPage").asText()).isEqualTo(cloud.endpoint() + "/_localcloud/rider/");
        assertThat(status.path("stacks")).singleElement().satisfies(stack -> {
            assertThat(stack.path("name").asText()).isEqualTo("wild-rydes");
            assertThat(stack.path("status").asText()).isEqualTo("CREATE_COMPLETE");
            assertThat(stack.path("outputs").path("RideApiUrl").asText()).endsWith("/Prod/ride");
        });
        assertThat(status.path("tables")).singleElement().satisfies(table -> {
            assertThat(table.path("name").asText()).isEqualTo("Rides");
            assertThat(table.path("items").asLong()).isEqualTo(3);
        });
        assertThat(status.path("topics")).singleElement().satisfies(topic -> {
            assertThat(topic.path("name").asText()).isEqualTo("RideRequested");
            assertThat(topic.path("subscribers")).singleElement()
                    .satisfies(s -> assertThat(s.path("protocol").asText()).isEqualTo("sqs"));
        });
        Map<String, JsonNode> queues = new TreeMap<>();
        status.path("queues").forEach(q -> queues.put(q.path("name").asText(), q));
        assertThat(queues).containsOnlyKeys("rides", "rides-dlq");
        assertThat(queues.get("rides-dlq").path("depth").asInt()).isEqualTo(1);
        assertThat(queues.get("rides-dlq").path("visible").asInt()).isEqualTo(1);
        assertThat(queues.get("rides-dlq").path("deadLetterQueueOf")).extracting(JsonNode::asText).containsExactly("queue rides");
        assertThat(queues.get("rides").path("deadLetterQueueOf")).isEmpty();
        assertThat(status.path("functions")).isEmpty();
    }

    @Test
    void aTableShowsItsItemsAsPlainJson() throws Exception {
        JsonNode table = json("/_localcloud/tables/Rides", 200);

        assertThat(table.path("itemCount").asLong()).isEqualTo(3);
        assertThat(table.path("items")).hasSize(3);
        JsonNode first = table.path("items").get(0);
        assertThat(first.path("Unicorn").path("Name").asText()).isEqualTo("Shadowfax");
        assertThat(first.path("Fare").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(json("/_localcloud/tables/Rides?limit=2", 200).path("items")).hasSize(2);
        assertThat(json("/_localcloud/tables/Rides?limit=0", 400).path("message").asText()).contains("limit must be");
        assertThat(json("/_localcloud/tables/Nope", 404).path("message").asText()).contains("the tables are: Rides");
    }

    @Test
    void aTracedRequestIsServedAsATraceHopByHop() throws Exception {
        String header = "Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1";
        // A request to an API that does not exist is still a hop of its trace; so is an AWS call carrying the header.
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(cloud.endpoint() + "/restapis/nosuchapi/Prod/ride"))
                .header("X-Amzn-Trace-Id", header).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        HttpResponse<String> aws = http.send(HttpRequest.newBuilder(URI.create(cloud.endpoint() + "/"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261127/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host, Signature=00")
                .header("X-Amz-Target", "DynamoDB_20120810.DescribeTable")
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amzn-Trace-Id", header)
                .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"Rides\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(aws.statusCode()).isEqualTo(200);

        JsonNode trace = awaitTrace(ROOT, 2);

        assertThat(trace.path("traceId").asText()).isEqualTo(ROOT);
        List<JsonNode> spans = new ArrayList<>();
        trace.path("spans").forEach(spans::add);
        assertThat(spans).extracting(s -> s.path("service").asText() + " " + s.path("name").asText())
                .containsExactly("API Gateway POST /ride", "DynamoDB DescribeTable");
        assertThat(spans.get(0).path("offsetMs").asDouble()).isZero();
        assertThat(spans.get(0).path("status").asText()).isEqualTo("404");
        assertThat(spans.get(0).path("failed").asBoolean()).isTrue();
        assertThat(spans.get(1).path("offsetMs").asDouble()).isPositive();
        assertThat(spans.get(1).path("detail").asText()).isEqualTo("Rides");
        assertThat(spans.get(1).path("coldStart").asBoolean()).isFalse();
        assertThat(trace.path("durationMs").asDouble())
                .isGreaterThanOrEqualTo(spans.get(1).path("offsetMs").asDouble() + spans.get(1).path("durationMs").asDouble() - 0.01);

        JsonNode list = json("/_localcloud/traces", 200);
        assertThat(list.path("traces")).anySatisfy(t -> {
            assertThat(t.path("traceId").asText()).isEqualTo(ROOT);
            assertThat(t.path("hops").asInt()).isEqualTo(2);
            assertThat(t.path("failed").asBoolean()).isTrue();
            assertThat(t.path("entry").path("name").asText()).isEqualTo("POST /ride");
        });
    }

    @Test
    void aTraceIdMustBeWellFormedAndKnown() throws Exception {
        assertThat(json("/_localcloud/traces/not-a-trace", 400).path("message").asText()).contains("not a trace id");
        assertThat(json("/_localcloud/traces/1-6763a2f1-ffffffffffffffffffffffff", 404).path("message").asText())
                .contains("no trace 1-6763a2f1-ffffffffffffffffffffffff");
        assertThat(json("/_localcloud/traces?limit=x", 400).path("message").asText()).contains("limit must be");
    }

    @Test
    void theRiderPageIsServedWithTheStagesRideApi() throws Exception {
        HttpResponse<String> redirect = get("/_localcloud/rider");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/_localcloud/rider/");

        HttpResponse<String> page = get("/_localcloud/rider/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("Request Unicorn", "app.js", "style.css");
        assertThat(get("/_localcloud/rider/app.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/_localcloud/rider/style.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");

        JsonNode config = json("/_localcloud/rider/config.json", 200);
        assertThat(config.path("apiUrl").asText()).isEqualTo("http://127.0.0.1:4566/restapis/abcdefghij/Prod/ride");
        assertThat(config.path("tracesUrl").asText()).isEqualTo("/_localcloud/traces/");
    }

    @Test
    void onlyThePackagedFilesAreServed() throws Exception {
        assertThat(get("/_localcloud/rider/..%2Fconsole.js").statusCode()).isEqualTo(404);
        assertThat(get("/_localcloud/rider/Main.class").statusCode()).isEqualTo(404);
        assertThat(get("/_localcloud/rider/missing.js").statusCode()).isEqualTo(404);
        assertThat(json("/_localcloud/nothing-here", 404).path("message").asText()).contains("the console serves");
        assertThat(json("/_localcloud/functions/Nope/logs", 404).path("message").asText()).contains("no function Nope");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(cloud.endpoint() + "/_localcloud/status.json"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void theConsolePageAndItsScriptAreServed() throws Exception {
        HttpResponse<String> page = get("/_localcloud/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("console.js", "Function logs", "Traces");
        assertThat(get("/_localcloud/console.js").body()).contains("status.json");
    }

    private static JsonNode awaitTrace(String root, int hops) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            HttpResponse<String> response = get("/_localcloud/traces/" + root);
            if (response.statusCode() == 200) {
                JsonNode trace = Json.MAPPER.readTree(response.body());
                if (trace.path("spans").size() >= hops || System.nanoTime() > deadline) {
                    return trace;
                }
            } else if (System.nanoTime() > deadline) {
                throw new AssertionError("no trace " + root + ": " + response.body());
            }
            Thread.sleep(10);
        }
    }
}
