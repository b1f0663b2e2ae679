package com.wildrydes.localcloud.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.testing.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Measures PutItem and GetItem throughput in process (through {@code call}) and through the SDK over HTTP.
 * Not a test: run it by hand with the test classpath, e.g. {@code java -cp ... DynamoDbThroughput}.
 */
public final class DynamoDbThroughput {

    private DynamoDbThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int inProcess = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int overHttp = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;

        try (DynamoDbService memory = new DynamoDbService("us-east-1", "000000000000", Optional.empty())) {
            measureInProcess("in memory", memory, inProcess);
        }
        Path dir = Files.createTempDirectory("dynamodb-throughput");
        try (DynamoDbService journaled = new DynamoDbService("us-east-1", "000000000000", Optional.of(dir))) {
            measureInProcess("journaled to disk", journaled, inProcess);
        }

        try (EdgeServer edge = EdgeServer.start("127.0.0.1", 0);
             DynamoDbService service = new DynamoDbService("us-east-1", "000000000000", Optional.empty());
             DynamoDbClient client = AwsClients.at(DynamoDbClient.builder(), URI.create(edge.url()))) {
            edge.register(service);
            createTable(service);
            Map<String, AttributeValue> ride = Map.of("Unicorn", AttributeValue.fromM(Map.of("Name", AttributeValue.fromS("Shadowfax"))),
                    "RequestTime", AttributeValue.fromS("2026-11-27T09:41:07.123Z"));
            IntConsumer put = i -> client.putItem(r -> r.tableName("Rides").item(withId(ride, i)));
            IntConsumer get = i -> client.getItem(r -> r.tableName("Rides").key(Map.of("RideId", AttributeValue.fromS("ride-" + i))));
            run(Math.min(overHttp, 2_000), put);
            run(Math.min(overHttp, 2_000), get);
            report("SDK over HTTP", "PutItem", overHttp, run(overHttp, put));
            report("SDK over HTTP", "GetItem", overHttp, run(overHttp, get));
            report("SDK over HTTP, 4 threads", "PutItem", overHttp, runConcurrently(4, overHttp, put));
            report("SDK over HTTP, 4 threads", "GetItem", overHttp, runConcurrently(4, overHttp, get));
        }
    }

    private static void measureInProcess(String label, DynamoDbService service, int count) {
        createTable(service);
        IntConsumer put = i -> service.call("PutItem", Json.object().put("TableName", "Rides")
                .set("Item", item(i)));
        IntConsumer get = i -> {
            ObjectNode request = Json.object().put("TableName", "Rides");
            request.putObject("Key").putObject("RideId").put("S", "ride-" + i);
            service.call("GetItem", request);
        };
        run(count / 4, put);
        run(count / 4, get);
        report("in process, " + label, "PutItem", count, run(count, put));
        report("in process, " + label, "GetItem", count, run(count, get));
    }

    private static void createTable(DynamoDbService service) {
        service.call("CreateTable", Json.object().put("TableName", "Rides").put("BillingMode", "PAY_PER_REQUEST")
                .<ObjectNode>set("KeySchema", Json.MAPPER.createArrayNode().add(Json.object().put("AttributeName", "RideId").put("KeyType", "HASH")))
                .set("AttributeDefinitions", Json.MAPPER.createArrayNode()
                        .add(Json.object().put("AttributeName", "RideId").put("AttributeType", "S"))));
    }

    private static ObjectNode item(int i) {
        ObjectNode item = Json.object();
        item.putObject("RideId").put("S", "ride-" + i);
        item.putObject("Unicorn").putObject("M").putObject("Name").put("S", "Shadowfax");
        item.putObject("RequestTime").put("S", "2026-11-27T09:41:07.123Z");
        return item;
    }

    private static Map<String, AttributeValue> withId(Map<String, AttributeValue> ride, int i) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(ride);
        item.put("RideId", AttributeValue.fromS("ride-" + i));
        return item;
    }

    private static long run(int count, IntConsumer operation) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            operation.accept(i);
        }
        return System.nanoTime() - start;
    }

    /** The same operations split across threads sharing one client, as concurrent function instances would. */
    private static long runConcurrently(int threads, int count, IntConsumer operation) throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = first; i < count; i += threads) {
                    operation.accept(i);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return System.nanoTime() - start;
    }

    private static void report(String where, String operation, int count, long nanos) {
        System.out.printf("%-32s %-8s %,9d ops in %6.2f s = %,10.0f ops/s%n", where, operation, count, nanos / 1e9, count / (nanos / 1e9));
    }
}
