package com.wildrydes.localcloud.dynamodb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import static com.wildrydes.localcloud.dynamodb.TestItems.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void tablesAndItemsSurviveANewInstanceOnTheSameDirectory() {
        try (DynamoDbService first = service()) {
            createTable(first, "Unicorns");
            createTable(first, "Doomed");
            first.call("PutItem", json("{'TableName':'Unicorns','Item':{'Name':{'S':'Shadowfax'},'Color':{'S':'White'}}}"));
            first.call("PutItem", json("{'TableName':'Unicorns','Item':{'Name':{'S':'Rocinante'},'Color':{'S':'Yellow'}}}"));
            first.call("PutItem", json("{'TableName':'Unicorns','Item':{'Name':{'S':'Gone'}}}"));
            first.call("UpdateItem", json("""
                    {'TableName':'Unicorns','Key':{'Name':{'S':'Shadowfax'}},'UpdateExpression':'SET Rides = :one',
                     'ExpressionAttributeValues':{':one':{'N':'1'}}}"""));
            first.call("DeleteItem", json("{'TableName':'Unicorns','Key':{'Name':{'S':'Gone'}}}"));
            first.call("DeleteTable", json("{'TableName':'Doomed'}"));
        }
        try (DynamoDbService second = service()) {
            assertThat(second.tableNames()).containsExactly("Unicorns");
            assertThat(second.itemCount("Unicorns")).isEqualTo(2);
            assertThat(second.call("GetItem", json("{'TableName':'Unicorns','Key':{'Name':{'S':'Shadowfax'}}}")).get("Item"))
                    .isEqualTo(json("{'Name':{'S':'Shadowfax'},'Color':{'S':'White'},'Rides':{'N':'1'}}"));
            assertThat(second.call("DescribeTable", json("{'TableName':'Unicorns'}")).get("Table").get("KeySchema"))
                    .isEqualTo(json("[{'AttributeName':'Name','KeyType':'HASH'}]"));
            // the restarted service keeps writing to the same journal
            second.call("PutItem", json("{'TableName':'Unicorns','Item':{'Name':{'S':'Bucephalus'}}}"));
        }
        try (DynamoDbService third = service()) {
            assertThat(third.itemCount("Unicorns")).isEqualTo(3);
        }
    }

    @Test
    void aWriteTornByACrashIsDroppedAndEverythingBeforeItKept() throws IOException {
        try (DynamoDbService first = service()) {
            createTable(first, "Unicorns");
            first.call("PutItem", json("{'TableName':'Unicorns','Item':{'Name':{'S':'Shadowfax'}}}"));
        }
        Path journal = dataDir.resolve("dynamodb").resolve("Unicorns.table.jsonl");
        Files.writeString(journal, "{\"put\":{\"Name\":{\"S\":\"Torn", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (DynamoDbService second = service()) {
            assertThat(second.items("Unicorns", 10)).containsExactly(java.util.Map.of("Name", "Shadowfax"));
        }
    }

    @Test
    void compactsTheJournalOnceItHoldsMostlyOverwrittenItems() throws IOException {
        Path journal = dataDir.resolve("dynamodb").resolve("Counters.table.jsonl");
        try (DynamoDbService service = service()) {
            createTable(service, "Counters");
            for (int i = 0; i < 2500; i++) {
                service.call("PutItem", json("{'TableName':'Counters','Item':{'Name':{'S':'only'},'Total':{'N':'" + i + "'}}}"));
            }
            List<String> lines = Files.readAllLines(journal);
            assertThat(lines.size()).isLessThan(1100);
        }
        try (DynamoDbService restarted = service()) {
            assertThat(restarted.items("Counters", 10)).containsExactly(
                    java.util.Map.of("Name", "only", "Total", new java.math.BigDecimal("2499")));
        }
        assertThat(Files.readAllLines(journal)).hasSize(2);
    }

    @Test
    void refusesToGuessAboutAJournalDamagedInTheMiddle() throws IOException {
        try (DynamoDbService first = service()) {
            createTable(first, "Unicorns");
        }
        Path journal = dataDir.resolve("dynamodb").resolve("Unicorns.table.jsonl");
        Files.writeString(journal, "not json\n{\"put\":{\"Name\":{\"S\":\"x\"}}}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThatThrownBy(this::service).hasMessageContaining("Unicorns.table.jsonl line 2 is not valid JSON");
    }

    private DynamoDbService service() {
        return new DynamoDbService("us-east-1", "000000000000", Optional.of(dataDir));
    }

    private static void createTable(DynamoDbService service, String name) {
        service.call("CreateTable", json("{'TableName':'" + name + "','BillingMode':'PAY_PER_REQUEST',"
                + "'KeySchema':[{'AttributeName':'Name','KeyType':'HASH'}],'AttributeDefinitions':[{'AttributeName':'Name','AttributeType':'S'}]}"));
    }
}
