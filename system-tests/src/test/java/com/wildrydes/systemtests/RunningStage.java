package com.wildrydes.systemtests;

import com.wildrydes.localcloud.LocalCloud;
import com.wildrydes.localcloud.StagePlan;
import com.wildrydes.localcloud.StageService;
import com.wildrydes.localcloud.cloudformation.Stack;
import com.wildrydes.localcloud.cloudformation.StackResource;
import com.wildrydes.localcloud.lambda.FunctionStats;
import com.wildrydes.localcloud.testing.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stage deployed on local-cloud, with what the system tests need; JUnit closes it after the class. Public for
 * the tests in sub-packages (the browser tests).
 */
public final class RunningStage implements AutoCloseable {

    private final LocalCloud cloud;
    private final Path stageDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final DynamoDbClient dynamodb;
    private final SnsClient sns;
    private final SqsClient sqs;
    private final LambdaClient lambda;

    RunningStage(LocalCloud cloud, Path stageDir) {
        this.cloud = cloud;
        this.stageDir = stageDir;
        this.dynamodb = AwsClients.at(DynamoDbClient.builder(), URI.create(cloud.endpoint()));
        this.sns = AwsClients.at(SnsClient.builder(), URI.create(cloud.endpoint()));
        this.sqs = AwsClients.at(SqsClient.builder(), URI.create(cloud.endpoint()));
        this.lambda = AwsClients.at(LambdaClient.builder(), URI.create(cloud.endpoint()));
    }

    void deploy() {
        cloud.deployStage(stageDir);
    }

    /** Deploys one service of the stage again from its template, as {@code sam deploy} would after an outage. */
    void redeploy(String stackName) {
        StageService service = StagePlan.of(stageDir).services().stream()
                .filter(s -> s.stackName().equals(stackName)).findFirst()
                .orElseThrow(() -> new AssertionError("the stage has no service " + stackName));
        cloud.deploy(service.stackName(), service.template(), Map.of());
    }

    public LocalCloud cloud() {
        return cloud;
    }

    DynamoDbClient dynamodb() {
        return dynamodb;
    }

    SnsClient sns() {
        return sns;
    }

    SqsClient sqs() {
        return sqs;
    }

    LambdaClient lambda() {
        return lambda;
    }

    String output(String stackName, String outputName) {
        return cloud.stack(stackName).flatMap(s -> s.output(outputName))
                .orElseThrow(() -> new AssertionError("stack " + stackName + " has no output " + outputName));
    }

    /** Polls until the condition holds, for asynchronous paths; fails with the description after the timeout. */
    static void eventually(Duration timeout, String description, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + timeout + ": " + description);
            }
            Thread.sleep(50);
        }
    }

    /** The stack's API base URL, e.g. {@code http://127.0.0.1:PORT/restapis/abc/Prod}. */
    String apiUrl(String stackName) {
        return cloud.apiUrl(stackName).orElseThrow(() -> new AssertionError("stack " + stackName + " has no API"));
    }

    /** The physical id (name) of a stack's resource, e.g. a table. */
    public String physicalId(String stackName, String logicalId) {
        Stack stack = cloud.stack(stackName).orElseThrow(() -> new AssertionError("no stack " + stackName));
        return stack.resource(logicalId).map(StackResource::physicalId)
                .orElseThrow(() -> new AssertionError("stack " + stackName + " has no resource " + logicalId));
    }

    public String functionName(String stackName, String logicalId) {
        return physicalId(stackName, logicalId);
    }

    HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any method, any content type (none when null), any body (none when null): for the bad-input tests. */
    HttpResponse<String> send(String method, String url, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public Optional<Map<String, AttributeValue>> item(String table, String hashKeyName, String hashKey) {
        Map<String, AttributeValue> item = dynamodb.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(Map.of(hashKeyName, AttributeValue.fromS(hashKey)))
                .consistentRead(true)
                .build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    List<Map<String, AttributeValue>> scan(String table) {
        return dynamodb.scanPaginator(ScanRequest.builder().tableName(table).build()).items().stream().toList();
    }

    /** Completed invocations of a function so far, cold and warm. */
    long invocations(String functionName) {
        return cloud.lambda().stats(functionName).map(s -> s.coldStarts() + s.warmStarts()).orElse(0L);
    }

    FunctionStats stats(String functionName) {
        return cloud.lambda().stats(functionName).orElseThrow();
    }

    @Override
    public void close() {
        dynamodb.close();
        sns.close();
        sqs.close();
        lambda.close();
        cloud.close();
    }
}
