package com.wildrydes.localcloud.dynamodb;

import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.testing.AwsClients;
import com.wildrydes.localcloud.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same SDK calls against local-cloud and against moto_server, with equal results: items, attributes,
 * error classes, codes and messages, and the shape of pagination. Differences that are not behaviour, and
 * moto's departures from AWS, are evened out in {@link Normalise} only.
 */
class DynamoDbConformanceTest {

    private static MotoServer moto;
    private static EdgeServer edge;
    private static DynamoDbClient local;
    private static DynamoDbClient reference;

    /** What one call produced: a normalised response, or a normalised error. */
    private record Outcome(Object value, List<String> error) {
    }

    @BeforeAll
    static void start() throws IOException {
        moto = MotoServer.startOrSkip();
        reference = AwsClients.at(withoutRetries(), moto.endpoint());
        edge = EdgeServer.start("127.0.0.1", 0);
        local = AwsClients.at(withoutRetries(), URI.create(edge.url()));
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
            edge.close();
        }
        if (reference != null) {
            reference.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void freshTables() {
        edge.register(new DynamoDbService("us-east-1", "000000000000", Optional.empty()));
        reference.listTables().tableNames().forEach(name -> reference.deleteTable(r -> r.tableName(name)));
        both(c -> createTable(c, "Rides", "Id", ScalarAttributeType.S, null, null));
        both(c -> createTable(c, "Trips", "Unicorn", ScalarAttributeType.S, "Seq", ScalarAttributeType.N));
    }

    @Test
    void tableLifecycleAndItsErrors() {
        agree(c -> c.describeTable(r -> r.tableName("Trips")).table(), Normalise::table);
        agree(c -> c.listTables().tableNames(), names -> names);
        agree(c -> c.deleteTable(r -> r.tableName("Rides")).tableDescription().tableName(), name -> name);
        agree(c -> c.describeTable(r -> r.tableName("Rides")), r -> r);
        agree(c -> createTable(c, "Trips", "Unicorn", ScalarAttributeType.S, null, null), r -> r);
        agree(c -> c.createTable(r -> r.tableName("Undefined").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(hashKey("Id"))
                .attributeDefinitions(definition("Other", ScalarAttributeType.S))), r -> r);
        agree(c -> c.createTable(r -> r.tableName("ExtraDefinition").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(hashKey("Id"))
                .attributeDefinitions(definition("Id", ScalarAttributeType.S), definition("Other", ScalarAttributeType.S))), r -> r);
        agree(c -> c.createTable(r -> r.tableName("NoThroughput")
                .keySchema(hashKey("Id"))
                .attributeDefinitions(definition("Id", ScalarAttributeType.S))), r -> r);
        agree(c -> c.createTable(r -> r.tableName("OnDemandThroughput").billingMode(BillingMode.PAY_PER_REQUEST)
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                .keySchema(hashKey("Id"))
                .attributeDefinitions(definition("Id", ScalarAttributeType.S))), r -> r);
        agree(c -> c.createTable(r -> r.tableName("Provisioned").billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L))
                .keySchema(hashKey("Id"))
                .attributeDefinitions(definition("Id", ScalarAttributeType.B))).tableDescription(), Normalise::table);
    }

    @Test
    void itemsOfEveryTypeRoundTrip() {
        Map<String, AttributeValue> ride = Map.ofEntries(
                Map.entry("Id", s("ride-1")),
                Map.entry("Unicorn", AttributeValue.fromM(Map.of("Name", s("Shadowfax"), "Color", s("White")))),
                Map.entry("Fare", n("12.5")),
                Map.entry("Paid", AttributeValue.fromBool(true)),
                Map.entry("Tip", AttributeValue.fromNul(true)),
                Map.entry("Stops", AttributeValue.fromL(List.of(s("a"), n("2"), AttributeValue.fromL(List.of(s("nested")))))),
                Map.entry("Tags", AttributeValue.fromSs(List.of("x", "y"))),
                Map.entry("Codes", AttributeValue.fromNs(List.of("1", "2"))),
                Map.entry("Bytes", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 7}))),
                Map.entry("ByteSet", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1})))));
        agree(c -> c.putItem(r -> r.tableName("Rides").item(ride)).attributes(), a -> a);
        agree(c -> c.getItem(r -> r.tableName("Rides").key(key("ride-1"))).item(), i -> i);
        agree(c -> c.getItem(r -> r.tableName("Rides").key(key("ride-1")).projectionExpression("Unicorn.#n, Stops[2], Fare")
                .expressionAttributeNames(Map.of("#n", "Name"))).item(), i -> i);
        agree(c -> c.getItem(r -> r.tableName("Rides").key(key("absent"))).hasItem(), has -> has);
        agree(c -> c.putItem(r -> r.tableName("Rides").item(Map.of("Id", s("ride-1"), "Fare", n("3")))
                .returnValues(ReturnValue.ALL_OLD)).attributes(), a -> a);
        agree(c -> c.deleteItem(r -> r.tableName("Rides").key(key("ride-1")).returnValues(ReturnValue.ALL_OLD)).attributes(), a -> a);
        agree(c -> c.deleteItem(r -> r.tableName("Rides").key(key("ride-1")).returnValues(ReturnValue.ALL_OLD)).hasAttributes(), a -> a);
    }

    @Test
    void itemErrors() {
        agree(c -> c.putItem(r -> r.tableName("Nowhere").item(key("x"))), r -> r);
        agree(c -> c.getItem(r -> r.tableName("Nowhere").key(key("x"))), r -> r);
        agree(c -> c.putItem(r -> r.tableName("Rides").item(Map.of("Other", s("x")))), r -> r);
        agree(c -> c.putItem(r -> r.tableName("Rides").item(Map.of("Id", n("1")))), r -> r);
        agree(c -> c.putItem(r -> r.tableName("Rides").item(Map.of("Id", s("")))), r -> r);
        agree(c -> c.putItem(r -> r.tableName("Rides").item(Map.of("Id", s("x"), "Empty", AttributeValue.fromSs(List.of()))))
                .sdkHttpResponse().isSuccessful(), ok -> ok);
        agree(c -> c.putItem(r -> r.tableName("Rides").item(Map.of("Id", s("x"), "Bad", n("abc")))), r -> r);
        agree(c -> c.getItem(r -> r.tableName("Trips").key(Map.of("Unicorn", s("x")))), r -> r);
        agree(c -> c.getItem(r -> r.tableName("Rides").key(Map.of("Id", s("x"), "Extra", s("y")))), r -> r);
        agree(c -> c.putItem(r -> r.tableName("Rides").item(key("x")).returnValues(ReturnValue.ALL_NEW)), r -> r);
        agree(c -> c.putItem(r -> r.tableName("Rides").item(key("x")).conditionExpression("attribute_not_exists(Name)")), r -> r);
        agree(c -> c.putItem(r -> r.tableName("Rides").item(key("x")).conditionExpression("attribute_not_exists(Id)")
                .expressionAttributeNames(Map.of("#unused", "Id"))), r -> r);
        agree(c -> c.putItem(r -> r.tableName("Rides").item(key("x")).conditionExpression("attribute_not_exists(Id)")
                .expressionAttributeValues(Map.of())), r -> r);
    }

    @Test
    void failedConditionsCarryTheOldItemOnRequest() {
        both(c -> c.putItem(r -> r.tableName("Rides").item(Map.of("Id", s("r"), "Unicorn", s("Bucephalus")))));
        agree(c -> c.putItem(r -> r.tableName("Rides").item(Map.of("Id", s("r"), "Unicorn", s("Rocinante")))
                .conditionExpression("attribute_not_exists(Id)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)), r -> r);
        agree(c -> {
            try {
                c.putItem(r -> r.tableName("Rides").item(Map.of("Id", s("r"))).conditionExpression("attribute_not_exists(Id)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                return null;
            } catch (ConditionalCheckFailedException e) {
                return e.item();
            }
        }, item -> item);
        agree(c -> c.getItem(r -> r.tableName("Rides").key(key("r"))).item(), i -> i);
    }

    /** Each condition guards an update; both sides must agree on whether it held. */
    private static final List<String> CONDITIONS = List.of(
            "Fare = :ten", "Fare <> :ten", "Fare < :eleven", "Fare <= :nine", "Fare > :nine", "Fare >= :eleven",
            "Nope = :ten", "Nope <> :ten", "Nope < :ten", "Label > :sha", "Label < :lower",
            "Fare BETWEEN :nine AND :eleven", "Fare BETWEEN :eleven AND :twelve", "Fare IN (:nine, :ten)", "Label IN (:nine, :sha)",
            "attribute_exists(Fare)", "attribute_exists(Nope)", "attribute_not_exists(Nope)", "attribute_exists(Doc.Kid)",
            "attribute_exists(Stops[1])", "attribute_exists(Stops[5])", "attribute_type(Tags, :ss)", "attribute_type(Fare, :ss)",
            "begins_with(Label, :sha)", "begins_with(Label, :fax)", "contains(Label, :fax)", "contains(Tags, :white)",
            "contains(Stops, :ten)", "contains(Tags, :sha)", "size(Label) = :nine", "size(Tags) > :one", "size(Stops) < :one",
            "size(Doc) = :one", "Doc.Kid = :sha", "Stops[0] = :ten",
            "Fare = :ten AND Label = :sha", "Fare = :nine OR Label = :shadowfax", "NOT Fare = :nine",
            "Fare = :ten OR Fare = :nine AND Label = :sha", "(Fare = :ten OR Fare = :nine) AND Label = :sha",
            "NOT (Fare = :ten AND Label = :shadowfax)", "NOT Fare = :nine AND Label = :shadowfax");

    @Test
    void conditionsEvaluateAlike() {
        both(c -> c.putItem(r -> r.tableName("Rides").item(Map.of("Id", s("c"), "Fare", n("10"), "Label", s("Shadowfax"),
                "Tags", AttributeValue.fromSs(List.of("white", "fast")), "Stops", AttributeValue.fromL(List.of(n("10"), s("x"))),
                "Doc", AttributeValue.fromM(Map.of("Kid", s("Sha")))))));
        Map<String, AttributeValue> values = Map.ofEntries(Map.entry(":ten", n("10")), Map.entry(":nine", n("9")),
                Map.entry(":eleven", n("11")), Map.entry(":twelve", n("12")), Map.entry(":one", n("1")), Map.entry(":sha", s("Sha")),
                Map.entry(":fax", s("fax")), Map.entry(":lower", s("shadowfax")), Map.entry(":shadowfax", s("Shadowfax")),
                Map.entry(":white", s("white")), Map.entry(":ss", s("SS")));
        for (String condition : CONDITIONS) {
            Map<String, AttributeValue> used = new HashMap<>();
            values.forEach((k, v) -> {
                if (condition.matches(".*" + k + "\\b.*")) {
                    used.put(k, v);
                }
            });
            agree(condition, c -> c.updateItem(r -> r.tableName("Rides").key(key("c")).updateExpression("SET Touched = :t")
                    .conditionExpression(condition).expressionAttributeValues(with(used, ":t", AttributeValue.fromBool(true))))
                    .sdkHttpResponse().isSuccessful(), ok -> ok);
        }
    }

    @Test
    void updatesAgree() {
        both(c -> c.putItem(r -> r.tableName("Rides").item(Map.of("Id", s("u"), "Total", n("1"), "Label", s("old"),
                "Gone", s("soon"), "Stops", AttributeValue.fromL(List.of(s("a"), s("b"), s("c"))),
                "Doc", AttributeValue.fromM(Map.of("Kid", n("1"))), "Tags", AttributeValue.fromSs(List.of("a", "b"))))));
        for (ReturnValue returnValue : List.of(ReturnValue.UPDATED_OLD, ReturnValue.UPDATED_NEW, ReturnValue.ALL_OLD, ReturnValue.ALL_NEW,
                ReturnValue.NONE)) {
            agree(c -> c.updateItem(r -> r.tableName("Rides").key(key("u")).returnValues(returnValue)
                    .updateExpression("SET Total = Total + :one, Fresh = if_not_exists(Fresh, :zero), Doc.Kid = Doc.Kid - :one "
                            + "REMOVE Gone ADD Tags :c")
                    .expressionAttributeValues(Map.of(":one", n("1"), ":zero", n("0"), ":c", AttributeValue.fromSs(List.of("c")))))
                    .attributes(), a -> a);
        }
        agree(c -> c.updateItem(r -> r.tableName("Rides").key(key("u")).returnValues(ReturnValue.ALL_NEW)
                .updateExpression("SET Stops = list_append(Stops, :more) DELETE Tags :ab")
                .expressionAttributeValues(Map.of(":more", AttributeValue.fromL(List.of(s("d"))),
                        ":ab", AttributeValue.fromSs(List.of("a", "b"))))).attributes(), a -> a);
        agree(c -> c.updateItem(r -> r.tableName("Rides").key(key("u")).returnValues(ReturnValue.ALL_NEW)
                .updateExpression("SET Stops[1] = :b, Stops[9] = :z REMOVE Stops[0], Doc.Kid")
                .expressionAttributeValues(Map.of(":b", s("B"), ":z", s("Z")))).attributes(), a -> a);
        agree(c -> c.updateItem(r -> r.tableName("Rides").key(key("new")).returnValues(ReturnValue.ALL_NEW)
                .updateExpression("ADD Visits :one").expressionAttributeValues(Map.of(":one", n("1")))).attributes(), a -> a);
        agree(c -> c.updateItem(r -> r.tableName("Rides").key(key("u")).updateExpression("SET Id = :v")
                .expressionAttributeValues(Map.of(":v", s("x")))), r -> r);
        agree(c -> c.updateItem(r -> r.tableName("Rides").key(key("u")).updateExpression("SET Label = Label + :one")
                .expressionAttributeValues(Map.of(":one", n("1")))), r -> r);
        agree(c -> c.updateItem(r -> r.tableName("Rides").key(key("u")).updateExpression("SET Label = Nope + :one")
                .expressionAttributeValues(Map.of(":one", n("1")))), r -> r);
        agree(c -> c.updateItem(r -> r.tableName("Rides").key(key("u")).updateExpression("SET Nope.Deeper = :one")
                .expressionAttributeValues(Map.of(":one", n("1")))), r -> r);
        agree(c -> c.updateItem(r -> r.tableName("Rides").key(key("u")).updateExpression("SET Doc = :one, Doc.Kid = :one")
                .expressionAttributeValues(Map.of(":one", n("1")))), r -> r);
        agree(c -> c.updateItem(r -> r.tableName("Rides").key(key("u")).updateExpression("SET Label = :one SET Fare = :one")
                .expressionAttributeValues(Map.of(":one", n("1")))), r -> r);
        agree(c -> c.getItem(r -> r.tableName("Rides").key(key("u"))).item(), i -> i);
    }

    @Test
    void queriesAgreeOnItemsOrderAndPages() {
        for (int seq = 1; seq <= 7; seq++) {
            int at = seq;
            both(c -> c.putItem(r -> r.tableName("Trips").item(Map.of("Unicorn", s("Shadowfax"), "Seq", n(Integer.toString(at)),
                    "Kind", s(at % 3 == 0 ? "stop" : "move")))));
        }
        both(c -> c.putItem(r -> r.tableName("Trips").item(Map.of("Unicorn", s("Rocinante"), "Seq", n("4")))));
        for (String range : List.of("", " AND Seq = :a", " AND Seq < :a", " AND Seq <= :a", " AND Seq > :a", " AND Seq >= :a",
                " AND Seq BETWEEN :a AND :b")) {
            for (boolean forward : List.of(true, false)) {
                Map<String, AttributeValue> values = new HashMap<>(Map.of(":u", s("Shadowfax")));
                if (range.contains(":a")) {
                    values.put(":a", n("3"));
                }
                if (range.contains(":b")) {
                    values.put(":b", n("5"));
                }
                agree(c -> c.query(r -> r.tableName("Trips").keyConditionExpression("Unicorn = :u" + range)
                        .scanIndexForward(forward).expressionAttributeValues(values)).items(), items -> items);
            }
        }
        QueryRequest pagedFilter = QueryRequest.builder().tableName("Trips").keyConditionExpression("Unicorn = :u")
                .filterExpression("Kind = :k").expressionAttributeValues(Map.of(":u", s("Shadowfax"), ":k", s("move"))).limit(3).build();
        agreeOnPages(c -> pageSizes(c, pagedFilter, true), 3);
        agree(c -> c.queryPaginator(pagedFilter).items().stream().toList(), items -> items);
        QueryRequest exactPages = pagedFilter.toBuilder().filterExpression(null)
                .expressionAttributeValues(Map.of(":u", s("Shadowfax"))).limit(7).build();
        agreeOnPages(c -> pageSizes(c, exactPages, false), 7);
        agree(c -> c.query(r -> r.tableName("Trips").keyConditionExpression("Unicorn = :u").select(Select.COUNT)
                .expressionAttributeValues(Map.of(":u", s("Shadowfax")))), r -> List.of(r.count(), r.scannedCount()));
        agree(c -> c.query(r -> r.tableName("Trips").keyConditionExpression("Unicorn = :u").projectionExpression("Seq")
                .expressionAttributeValues(Map.of(":u", s("Rocinante")))).items(), items -> items);
        agree(c -> c.query(r -> r.tableName("Trips").keyConditionExpression("Seq = :a")
                .expressionAttributeValues(Map.of(":a", n("1")))), r -> r);
    }

    @Test
    void beginsWithOnStringRangeKeys() {
        both(c -> createTable(c, "Titles", "Shelf", ScalarAttributeType.S, "Title", ScalarAttributeType.S));
        for (String title : List.of("apple", "apricot", "banana", "ap", "Apple", "b")) {
            both(c -> c.putItem(r -> r.tableName("Titles").item(Map.of("Shelf", s("s"), "Title", s(title)))));
        }
        for (boolean forward : List.of(true, false)) {
            agree(c -> c.query(r -> r.tableName("Titles").keyConditionExpression("Shelf = :s AND begins_with(Title, :p)")
                    .scanIndexForward(forward).expressionAttributeValues(Map.of(":s", s("s"), ":p", s("ap")))).items(), i -> i);
        }
        agree(c -> c.query(r -> r.tableName("Titles").keyConditionExpression("Shelf = :s")
                .expressionAttributeValues(Map.of(":s", s("s")))).items(), i -> i);
    }

    @Test
    void scansAgreeOnItemsCountsAndPages() {
        for (int i = 0; i < 10; i++) {
            int index = i;
            both(c -> c.putItem(r -> r.tableName("Rides").item(Map.of("Id", s("ride-" + index), "Even", AttributeValue.fromBool(index % 2 == 0)))));
        }
        ScanRequest filtered = ScanRequest.builder().tableName("Rides").filterExpression("Even = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))).build();
        agree(c -> c.scan(filtered), r -> List.of(Normalise.unordered(r.items()), r.count(), r.scannedCount()));
        agreeOnPages(c -> pageSizes(c, filtered.toBuilder().limit(3).build()), 3);
        agreeOnPages(c -> pageSizes(c, ScanRequest.builder().tableName("Rides").limit(5).build()), 5);
        agree(c -> c.scan(r -> r.tableName("Rides").select(Select.COUNT)), r -> List.of(r.count(), r.scannedCount()));
    }

    @Test
    void batchOperationsAgree() {
        both(c -> c.putItem(r -> r.tableName("Rides").item(key("doomed"))));
        agree(c -> c.batchWriteItem(r -> r.requestItems(Map.of("Rides", List.of(
                put(Map.of("Id", s("a"), "V", n("1"))), put(Map.of("Id", s("b"), "V", n("2"))),
                WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key("doomed")).build()).build())))).unprocessedItems(), u -> u);
        agree(c -> c.batchGetItem(r -> r.requestItems(Map.of("Rides", KeysAndAttributes.builder()
                .keys(List.of(key("a"), key("b"), key("doomed"))).build()))), r -> List.of(Normalise.unordered(r.responses().get("Rides")),
                r.unprocessedKeys()));
        agree(c -> c.batchWriteItem(r -> r.requestItems(Map.of("Rides", List.of(put(key("a")), put(key("a")))))), r -> r);
        agree(c -> c.batchWriteItem(r -> r.requestItems(Map.of("Nowhere", List.of(put(key("a")))))), r -> r);
        agree(c -> c.scan(r -> r.tableName("Rides")).items(), Normalise::unordered);
    }

    // ---- harness

    /** Runs a setup call on both endpoints; it must succeed on both. */
    private static void both(Consumer<DynamoDbClient> call) {
        call.accept(local);
        call.accept(reference);
    }

    /** Runs the same call on both endpoints and requires equal normalised outcomes. */
    private static <T> void agree(Function<DynamoDbClient, T> call, Function<T, Object> view) {
        agree("", call, view);
    }

    private static <T> void agree(String label, Function<DynamoDbClient, T> call, Function<T, Object> view) {
        Outcome expected = outcome(reference, call, view);
        Outcome actual = outcome(local, call, view);
        assertThat(actual).as("local-cloud (actual) vs moto_server (expected) %s", label).isEqualTo(expected);
    }

    private static <T> Outcome outcome(DynamoDbClient client, Function<DynamoDbClient, T> call, Function<T, Object> view) {
        try {
            T response = call.apply(client);
            return new Outcome(response == null ? null : view.apply(response), null);
        } catch (AwsServiceException e) {
            return new Outcome(null, Normalise.error(e));
        }
    }

    private static void agreeOnPages(Function<DynamoDbClient, List<Integer>> pages, int limit) {
        List<Integer> aws = Normalise.awsPagesFromMoto(pages.apply(reference), limit);
        assertThat(pages.apply(local)).as("page sizes").isEqualTo(aws);
    }

    private static List<Integer> pageSizes(DynamoDbClient client, QueryRequest request, boolean unused) {
        List<Integer> sizes = new ArrayList<>();
        client.queryPaginator(request).forEach(page -> sizes.add(page.scannedCount()));
        return sizes;
    }

    private static List<Integer> pageSizes(DynamoDbClient client, ScanRequest request) {
        List<Integer> sizes = new ArrayList<>();
        client.scanPaginator(request).forEach(page -> sizes.add(page.scannedCount()));
        return sizes;
    }

    private static Object createTable(DynamoDbClient client, String name, String hash, ScalarAttributeType hashType,
                                      String range, ScalarAttributeType rangeType) {
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
        List<KeySchemaElement> keys = new ArrayList<>(List.of(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build()));
        List<AttributeDefinition> definitions = new ArrayList<>(List.of(
                AttributeDefinition.builder().attributeName(hash).attributeType(hashType).build()));
        if (range != null) {
            keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
            definitions.add(AttributeDefinition.builder().attributeName(range).attributeType(rangeType).build());
        }
        return client.createTable(request.keySchema(keys).attributeDefinitions(definitions).build());
    }

    /** A retried error would only hide a difference and slow the run. */
    private static software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder withoutRetries() {
        return DynamoDbClient.builder().overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("Id", s(id));
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> values, String name, AttributeValue value) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(name, value);
        return all;
    }

    private static KeySchemaElement hashKey(String attribute) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.HASH).build();
    }

    private static AttributeDefinition definition(String attribute, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(type).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
