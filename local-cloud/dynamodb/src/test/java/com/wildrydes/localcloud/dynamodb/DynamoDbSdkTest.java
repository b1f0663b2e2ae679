package com.wildrydes.localcloud.dynamodb;

import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.testing.AwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every supported operation and its errors, through the real AWS SDK over HTTP. */
class DynamoDbSdkTest {

    private static EdgeServer edge;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void startEdge() throws IOException {
        edge = EdgeServer.start("127.0.0.1", 0);
        dynamo = AwsClients.at(DynamoDbClient.builder(), URI.create(edge.url()));
    }

    @AfterAll
    static void stopEdge() {
        dynamo.close();
        edge.close();
    }

    @BeforeEach
    void freshService() {
        edge.register(new DynamoDbService("us-east-1", "123456789012", Optional.empty()));
        createTable("Rides", "RideId", ScalarAttributeType.S, null, null);
        createTable("Events", "Unicorn", ScalarAttributeType.S, "Seq", ScalarAttributeType.N);
    }

    @Test
    void createsDescribesListsAndDeletesTables() {
        TableDescription table = dynamo.describeTable(r -> r.tableName("Events")).table();
        assertThat(table.tableName()).isEqualTo("Events");
        assertThat(table.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/Events");
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.keySchema()).containsExactly(
                KeySchemaElement.builder().attributeName("Unicorn").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("Seq").keyType(KeyType.RANGE).build());
        assertThat(table.attributeDefinitions()).containsExactly(
                AttributeDefinition.builder().attributeName("Unicorn").attributeType(ScalarAttributeType.S).build(),
                AttributeDefinition.builder().attributeName("Seq").attributeType(ScalarAttributeType.N).build());
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.creationDateTime()).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now());
        assertThat(table.itemCount()).isZero();

        put("Events", Map.of("Unicorn", s("Shadowfax"), "Seq", n("1"), "Note", s("hello")));
        TableDescription afterPut = dynamo.describeTable(r -> r.tableName("Events")).table();
        assertThat(afterPut.itemCount()).isEqualTo(1);
        assertThat(afterPut.tableSizeBytes()).isPositive();

        createTable("Provisioned", "Id", ScalarAttributeType.B, null, null);
        TableDescription provisioned = dynamo.describeTable(r -> r.tableName("Provisioned")).table();
        assertThat(provisioned.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
        assertThat(provisioned.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);

        assertThat(dynamo.listTables().tableNames()).containsExactly("Events", "Provisioned", "Rides");
        assertThat(dynamo.listTablesPaginator(r -> r.limit(1)).tableNames()).containsExactly("Events", "Provisioned", "Rides");

        assertThat(dynamo.deleteTable(r -> r.tableName("Provisioned")).tableDescription().tableName()).isEqualTo("Provisioned");
        assertThat(dynamo.listTables().tableNames()).containsExactly("Events", "Rides");
        assertError(() -> dynamo.describeTable(r -> r.tableName("Provisioned")), ResourceNotFoundException.class,
                "ResourceNotFoundException", "Requested resource not found: Table: Provisioned not found");
        assertError(() -> dynamo.deleteTable(r -> r.tableName("Provisioned")), ResourceNotFoundException.class,
                "ResourceNotFoundException", "Requested resource not found: Table: Provisioned not found");
    }

    @Test
    void refusesInvalidTablesAsAwsDoes() {
        assertError(() -> createTable("Rides", "RideId", ScalarAttributeType.S, null, null), ResourceInUseException.class,
                "ResourceInUseException", "Table already exists: Rides");
        assertError(() -> dynamo.createTable(r -> r.tableName("NoThroughput")
                        .keySchema(hashKey("Id"))
                        .attributeDefinitions(definition("Id", ScalarAttributeType.S))),
                DynamoDbException.class, "ValidationException",
                "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        assertError(() -> dynamo.createTable(r -> r.tableName("Undefined").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(hashKey("Id"))
                        .attributeDefinitions(definition("Other", ScalarAttributeType.S))),
                DynamoDbException.class, "ValidationException", "One or more parameter values were invalid: Some index key "
                        + "attributes are not defined in AttributeDefinitions. Keys: [Id], AttributeDefinitions: [Other]");
        assertError(() -> dynamo.createTable(r -> r.tableName("WithIndex").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(hashKey("Id"))
                        .attributeDefinitions(definition("Id", ScalarAttributeType.S))
                        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ByColor").keySchema(hashKey("Id"))
                                .projection(p -> p.projectionType("ALL")).build())),
                DynamoDbException.class, "ValidationException", "local-cloud DynamoDB does not support the parameter "
                        + "GlobalSecondaryIndexes in CreateTable; supported parameters: AttributeDefinitions, BillingMode, "
                        + "DeletionProtectionEnabled, KeySchema, ProvisionedThroughput, SSESpecification, TableClass, TableName, Tags");
    }

    @Test
    void putsGetsAndDeletesItemsOfEveryType() {
        Map<String, AttributeValue> ride = Map.ofEntries(
                Map.entry("RideId", s("ride-1")),
                Map.entry("Unicorn", AttributeValue.fromM(Map.of("Name", s("Shadowfax"), "Color", s("White")))),
                Map.entry("Fare", n("12.5")),
                Map.entry("Paid", AttributeValue.fromBool(true)),
                Map.entry("Tip", AttributeValue.fromNul(true)),
                Map.entry("Stops", AttributeValue.fromL(List.of(s("a"), n("2")))),
                Map.entry("Tags", AttributeValue.fromSs(List.of("x", "y"))),
                Map.entry("Codes", AttributeValue.fromNs(List.of("1", "2"))),
                Map.entry("Blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 7}))),
                Map.entry("Blobs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1})))));
        assertThat(dynamo.putItem(r -> r.tableName("Rides").item(ride)).attributes()).isEmpty();
        assertThat(get("Rides", Map.of("RideId", s("ride-1")))).isEqualTo(ride);
        assertThat(dynamo.getItem(r -> r.tableName("Rides").key(Map.of("RideId", s("ride-1")))
                .projectionExpression("Unicorn.#n, Stops[1]").expressionAttributeNames(Map.of("#n", "Name")).consistentRead(true)).item())
                .isEqualTo(Map.of("Unicorn", AttributeValue.fromM(Map.of("Name", s("Shadowfax"))), "Stops", AttributeValue.fromL(List.of(n("2")))));
        assertThat(dynamo.getItem(r -> r.tableName("Rides").key(Map.of("RideId", s("nope")))).hasItem()).isFalse();

        Map<String, AttributeValue> replaced = Map.of("RideId", s("ride-1"), "Fare", n("3"));
        assertThat(dynamo.putItem(r -> r.tableName("Rides").item(replaced).returnValues(ReturnValue.ALL_OLD)).attributes()).isEqualTo(ride);
        assertThat(dynamo.deleteItem(r -> r.tableName("Rides").key(Map.of("RideId", s("ride-1"))).returnValues(ReturnValue.ALL_OLD))
                .attributes()).isEqualTo(replaced);
        assertThat(dynamo.getItem(r -> r.tableName("Rides").key(Map.of("RideId", s("ride-1")))).hasItem()).isFalse();
        assertThat(dynamo.deleteItem(r -> r.tableName("Rides").key(Map.of("RideId", s("ride-1"))).returnValues(ReturnValue.ALL_OLD))
                .hasAttributes()).isFalse();
    }

    @Test
    void aFailedConditionCarriesTheOldItemWhenAsked() {
        Map<String, AttributeValue> first = Map.of("RideId", s("ride-1"), "Unicorn", s("Bucephalus"));
        dynamo.putItem(r -> r.tableName("Rides").item(first).conditionExpression("attribute_not_exists(RideId)"));
        Map<String, AttributeValue> second = Map.of("RideId", s("ride-1"), "Unicorn", s("Rocinante"));

        ConditionalCheckFailedException withItem = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> dynamo.putItem(r -> r.tableName("Rides").item(second).conditionExpression("attribute_not_exists(RideId)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(withItem.awsErrorDetails().errorCode()).isEqualTo("ConditionalCheckFailedException");
        assertThat(withItem.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
        assertThat(withItem.statusCode()).isEqualTo(400);
        assertThat(withItem.item()).isEqualTo(first);

        ConditionalCheckFailedException withoutItem = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> dynamo.putItem(r -> r.tableName("Rides").item(second).conditionExpression("attribute_not_exists(RideId)")));
        assertThat(withoutItem.hasItem()).isFalse();
        assertThat(get("Rides", Map.of("RideId", s("ride-1")))).isEqualTo(first);

        assertError(() -> dynamo.deleteItem(r -> r.tableName("Rides").key(Map.of("RideId", s("ride-1")))
                        .conditionExpression("Unicorn = :u").expressionAttributeValues(Map.of(":u", s("Rocinante")))),
                ConditionalCheckFailedException.class, "ConditionalCheckFailedException", "The conditional request failed");
        dynamo.deleteItem(r -> r.tableName("Rides").key(Map.of("RideId", s("ride-1")))
                .conditionExpression("Unicorn = :u").expressionAttributeValues(Map.of(":u", s("Bucephalus"))));
        assertThat(dynamo.getItem(r -> r.tableName("Rides").key(Map.of("RideId", s("ride-1")))).hasItem()).isFalse();
    }

    @Test
    void updatesItemsAndReturnsTheValuesAsked() {
        put("Rides", Map.of("RideId", s("r"), "Count", n("1"), "Name", s("old"), "Gone", s("soon")));
        Consumer<software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.Builder> update = r -> r.tableName("Rides")
                .key(Map.of("RideId", s("r")))
                .updateExpression("SET #c = #c + :one, Fresh = if_not_exists(Fresh, :zero) REMOVE Gone")
                .expressionAttributeNames(Map.of("#c", "Count"))
                .expressionAttributeValues(Map.of(":one", n("1"), ":zero", n("0")));
        assertThat(dynamo.updateItem(r -> update.accept(r.returnValues(ReturnValue.UPDATED_OLD))).attributes())
                .isEqualTo(Map.of("Count", n("1"), "Gone", s("soon")));
        assertThat(dynamo.updateItem(r -> update.accept(r.returnValues(ReturnValue.UPDATED_NEW))).attributes())
                .isEqualTo(Map.of("Count", n("3"), "Fresh", n("0")));
        assertThat(dynamo.updateItem(r -> update.accept(r.returnValues(ReturnValue.ALL_OLD))).attributes())
                .isEqualTo(Map.of("RideId", s("r"), "Count", n("3"), "Name", s("old"), "Fresh", n("0")));
        assertThat(dynamo.updateItem(r -> update.accept(r.returnValues(ReturnValue.ALL_NEW))).attributes())
                .isEqualTo(Map.of("RideId", s("r"), "Count", n("5"), "Name", s("old"), "Fresh", n("0")));
        assertThat(dynamo.updateItem(r -> update.accept(r.returnValues(ReturnValue.NONE))).hasAttributes()).isFalse();

        // an update of a missing item creates it from its key
        assertThat(dynamo.updateItem(r -> r.tableName("Rides").key(Map.of("RideId", s("new")))
                .updateExpression("ADD Visits :one").expressionAttributeValues(Map.of(":one", n("1")))
                .returnValues(ReturnValue.ALL_NEW)).attributes()).isEqualTo(Map.of("RideId", s("new"), "Visits", n("1")));

        assertError(() -> dynamo.updateItem(r -> r.tableName("Rides").key(Map.of("RideId", s("r")))
                        .updateExpression("SET RideId = :v").expressionAttributeValues(Map.of(":v", s("x")))),
                DynamoDbException.class, "ValidationException",
                "One or more parameter values were invalid: Cannot update attribute RideId. This attribute is part of the key");
        assertError(() -> dynamo.updateItem(r -> r.tableName("Rides").key(Map.of("RideId", s("r")))
                        .updateExpression("SET Amount = Name + :v").expressionAttributeValues(Map.of(":v", n("1")))),
                DynamoDbException.class, "ValidationException", "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: Name");
    }

    @Test
    void queriesRangesInBothDirectionsWithPaginationFiltersAndCounts() {
        for (int at = 1; at <= 9; at++) {
            put("Events", Map.of("Unicorn", s("Shadowfax"), "Seq", n(Integer.toString(at)), "Kind", s(at % 3 == 0 ? "stop" : "move")));
        }
        put("Events", Map.of("Unicorn", s("Rocinante"), "Seq", n("5")));
        assertThat(queryAt("Unicorn = :u", Map.of())).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(queryAt("Unicorn = :u AND Seq = :a", Map.of(":a", n("4")))).containsExactly(4);
        assertThat(queryAt("Unicorn = :u AND Seq < :a", Map.of(":a", n("4")))).containsExactly(1, 2, 3);
        assertThat(queryAt("Unicorn = :u AND Seq <= :a", Map.of(":a", n("4")))).containsExactly(1, 2, 3, 4);
        assertThat(queryAt("Unicorn = :u AND Seq > :a", Map.of(":a", n("7")))).containsExactly(8, 9);
        assertThat(queryAt("Unicorn = :u AND Seq >= :a", Map.of(":a", n("7")))).containsExactly(7, 8, 9);
        assertThat(queryAt("Unicorn = :u AND Seq BETWEEN :a AND :b", Map.of(":a", n("3"), ":b", n("5")))).containsExactly(3, 4, 5);

        List<Integer> backwards = dynamo.queryPaginator(r -> r.tableName("Events").keyConditionExpression("Unicorn = :u")
                        .expressionAttributeValues(Map.of(":u", s("Shadowfax"))).scanIndexForward(false).limit(4)).items().stream()
                .map(i -> Integer.parseInt(i.get("Seq").n())).toList();
        assertThat(backwards).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(dynamo.queryPaginator(r -> r.tableName("Events").keyConditionExpression("Unicorn = :u")
                .expressionAttributeValues(Map.of(":u", s("Shadowfax"))).limit(4)).stream().count()).isEqualTo(3);

        var filtered = dynamo.query(r -> r.tableName("Events").keyConditionExpression("Unicorn = :u")
                .filterExpression("Kind = :k").projectionExpression("Seq")
                .expressionAttributeValues(Map.of(":u", s("Shadowfax"), ":k", s("stop"))));
        assertThat(filtered.items()).containsExactly(Map.of("Seq", n("3")), Map.of("Seq", n("6")), Map.of("Seq", n("9")));
        assertThat(filtered.scannedCount()).isEqualTo(9);

        var counted = dynamo.query(r -> r.tableName("Events").keyConditionExpression("Unicorn = :u").select(Select.COUNT)
                .expressionAttributeValues(Map.of(":u", s("Shadowfax"))));
        assertThat(counted.count()).isEqualTo(9);
        assertThat(counted.hasItems()).isFalse();

        put("Events", Map.of("Unicorn", s("Words"), "Seq", n("1")));
        createTable("Names", "Owner", ScalarAttributeType.S, "Title", ScalarAttributeType.S);
        for (String title : List.of("apple", "apricot", "banana", "ap")) {
            put("Names", Map.of("Owner", s("o"), "Title", s(title)));
        }
        assertThat(dynamo.query(r -> r.tableName("Names").keyConditionExpression("#o = :o AND begins_with(Title, :p)")
                .expressionAttributeNames(Map.of("#o", "Owner"))
                .expressionAttributeValues(Map.of(":o", s("o"), ":p", s("ap"))).scanIndexForward(false)).items().stream()
                .map(i -> i.get("Title").s()).toList()).containsExactly("apricot", "apple", "ap");
    }

    @Test
    void refusesQueriesDynamoDbRefuses() {
        assertError(() -> dynamo.query(r -> r.tableName("Events").keyConditionExpression("Seq = :a")
                        .expressionAttributeValues(Map.of(":a", n("1")))),
                DynamoDbException.class, "ValidationException", "Query condition missed key schema element: Unicorn");
        assertError(() -> dynamo.query(r -> r.tableName("Events").keyConditionExpression("Unicorn = :u AND Seq <> :a")
                        .expressionAttributeValues(Map.of(":u", s("x"), ":a", n("1")))),
                DynamoDbException.class, "ValidationException", "Invalid operator used in KeyConditionExpression: <>");
        assertError(() -> dynamo.query(r -> r.tableName("Events").keyConditionExpression("Unicorn = :u OR Seq = :a")
                        .expressionAttributeValues(Map.of(":u", s("x"), ":a", n("1")))),
                DynamoDbException.class, "ValidationException", "Invalid operator used in KeyConditionExpression: OR");
        assertError(() -> dynamo.query(r -> r.tableName("Events").keyConditionExpression("Unicorn = :u").filterExpression("Seq > :a")
                        .expressionAttributeValues(Map.of(":u", s("x"), ":a", n("1")))),
                DynamoDbException.class, "ValidationException",
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: Seq");
        assertError(() -> dynamo.query(r -> r.tableName("Events").keyConditionExpression("Unicorn = :u")
                        .expressionAttributeValues(Map.of(":u", n("1")))),
                DynamoDbException.class, "ValidationException",
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertError(() -> dynamo.query(r -> r.tableName("Events").indexName("ByKind").keyConditionExpression("Unicorn = :u")
                        .expressionAttributeValues(Map.of(":u", s("x")))),
                DynamoDbException.class, "ValidationException", "local-cloud DynamoDB does not support the parameter IndexName in Query; "
                        + "supported parameters: ConsistentRead, ExclusiveStartKey, ExpressionAttributeNames, ExpressionAttributeValues, "
                        + "FilterExpression, KeyConditionExpression, Limit, ProjectionExpression, ReturnConsumedCapacity, "
                        + "ScanIndexForward, Select, TableName");
    }

    @Test
    void scansWithFiltersAndPagination() {
        for (int i = 0; i < 10; i++) {
            put("Rides", Map.of("RideId", s("ride-" + i), "Even", AttributeValue.fromBool(i % 2 == 0)));
        }
        var pages = dynamo.scanPaginator(r -> r.tableName("Rides").limit(3).filterExpression("Even = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
        assertThat(pages.stream().count()).isEqualTo(4);
        assertThat(pages.items().stream().map(i -> i.get("RideId").s()).toList())
                .containsExactly("ride-0", "ride-2", "ride-4", "ride-6", "ride-8");
        var page = dynamo.scan(r -> r.tableName("Rides").limit(3));
        assertThat(page.count()).isEqualTo(3);
        assertThat(page.lastEvaluatedKey()).isEqualTo(Map.of("RideId", s("ride-2")));
        assertThat(dynamo.scan(r -> r.tableName("Rides").exclusiveStartKey(page.lastEvaluatedKey()).limit(1)).items())
                .containsExactly(Map.of("RideId", s("ride-3"), "Even", AttributeValue.fromBool(false)));
    }

    @Test
    void batchWritesAndGets() {
        put("Rides", Map.of("RideId", s("doomed")));
        dynamo.batchWriteItem(r -> r.requestItems(Map.of("Rides", List.of(
                WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("RideId", s("a"), "V", n("1"))).build()).build(),
                WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("RideId", s("b"), "V", n("2"))).build()).build(),
                WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(Map.of("RideId", s("doomed"))).build()).build()))));
        var got = dynamo.batchGetItem(r -> r.requestItems(Map.of("Rides", KeysAndAttributes.builder()
                .keys(List.of(Map.of("RideId", s("a")), Map.of("RideId", s("b")), Map.of("RideId", s("doomed"))))
                .projectionExpression("V").build())));
        assertThat(got.responses().get("Rides")).containsExactlyInAnyOrder(Map.of("V", n("1")), Map.of("V", n("2")));
        assertThat(got.unprocessedKeys()).isEmpty();
        assertError(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("Rides", List.of(
                        WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("RideId", s("a"))).build()).build(),
                        WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(Map.of("RideId", s("a"))).build()).build())))),
                DynamoDbException.class, "ValidationException", "Provided list of item keys contains duplicates");
        assertError(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of("Nowhere", KeysAndAttributes.builder()
                        .keys(List.of(Map.of("RideId", s("a")))).build()))),
                ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found");
    }

    @Test
    void refusesBadItemOperationsWithAwsMessages() {
        assertError(() -> put("Nowhere", Map.of("RideId", s("x"))), ResourceNotFoundException.class,
                "ResourceNotFoundException", "Requested resource not found");
        assertError(() -> put("Rides", Map.of("Other", s("x"))), DynamoDbException.class, "ValidationException",
                "One or more parameter values were invalid: Missing the key RideId in the item");
        assertError(() -> put("Rides", Map.of("RideId", n("1"))), DynamoDbException.class, "ValidationException",
                "One or more parameter values were invalid: Type mismatch for key RideId expected: S actual: N");
        assertError(() -> get("Events", Map.of("Unicorn", s("x"))), DynamoDbException.class, "ValidationException",
                "The provided key element does not match the schema");
        assertError(() -> dynamo.getItem(r -> r.tableName("Rides").key(Map.of("RideId", s("x"))).attributesToGet("A")),
                DynamoDbException.class, "ValidationException", "local-cloud DynamoDB does not support the legacy parameter "
                        + "AttributesToGet (use ProjectionExpression) in GetItem; supported parameters: ConsistentRead, "
                        + "ExpressionAttributeNames, Key, ProjectionExpression, ReturnConsumedCapacity, TableName");
        assertError(() -> dynamo.putItem(r -> r.tableName("Rides").item(Map.of("RideId", s("x")))
                        .conditionExpression("attribute_not_exists(RideId)").expressionAttributeValues(Map.of(":x", s("x")))),
                DynamoDbException.class, "ValidationException", "Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}");
        assertError(() -> dynamo.putItem(r -> r.tableName("Rides").item(Map.of("RideId", s("x"))).conditionExpression("RideId = :v")),
                DynamoDbException.class, "ValidationException",
                "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v");
        assertError(() -> dynamo.putItem(r -> r.tableName("Rides").item(Map.of("RideId", s("x"))).returnValues(ReturnValue.ALL_NEW)),
                DynamoDbException.class, "ValidationException", "Return values set to invalid value");
        assertError(() -> dynamo.describeTimeToLive(r -> r.tableName("Rides")), DynamoDbException.class, "UnknownOperationException",
                "local-cloud DynamoDB does not support the operation DescribeTimeToLive; supported operations: BatchGetItem, "
                        + "BatchWriteItem, CreateTable, DeleteItem, DeleteTable, DescribeTable, GetItem, ListTables, PutItem, Query, Scan, UpdateItem");
    }

    // ---- helpers

    private static void createTable(String name, String hash, ScalarAttributeType hashType, String range, ScalarAttributeType rangeType) {
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name);
        if (range == null) {
            request.keySchema(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(hash).attributeType(hashType).build());
        } else {
            request.keySchema(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(hash).attributeType(hashType).build(),
                            AttributeDefinition.builder().attributeName(range).attributeType(rangeType).build());
        }
        if (hashType == ScalarAttributeType.B) {
            request.provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)).billingMode(BillingMode.PROVISIONED);
        } else {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        dynamo.createTable(request.build());
    }

    private static void put(String table, Map<String, AttributeValue> item) {
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        return dynamo.getItem(r -> r.tableName(table).key(key)).item();
    }

    private static List<Integer> queryAt(String keyCondition, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new java.util.HashMap<>(values);
        all.put(":u", s("Shadowfax"));
        return dynamo.query(r -> r.tableName("Events").keyConditionExpression(keyCondition).expressionAttributeValues(all))
                .items().stream().map(i -> Integer.parseInt(i.get("Seq").n())).toList();
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

    private static <E extends AwsServiceException> void assertError(Runnable call, Class<E> type, String code, String message) {
        E error = catchThrowableOfType(type, call::run);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(error.statusCode()).isEqualTo(400);
    }
}
