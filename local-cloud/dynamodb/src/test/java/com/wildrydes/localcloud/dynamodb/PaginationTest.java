package com.wildrydes.localcloud.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.wildrydes.localcloud.dynamodb.TestItems.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Query, Scan and ListTables paging, in process. */
class PaginationTest {

    private DynamoDbService service;

    @BeforeEach
    void createTables() {
        service = new DynamoDbService("us-east-1", "000000000000", Optional.empty());
        service.call("CreateTable", json("""
                {'TableName':'Rides','BillingMode':'PAY_PER_REQUEST',
                 'KeySchema':[{'AttributeName':'Unicorn','KeyType':'HASH'},{'AttributeName':'Seq','KeyType':'RANGE'}],
                 'AttributeDefinitions':[{'AttributeName':'Unicorn','AttributeType':'S'},{'AttributeName':'Seq','AttributeType':'N'}]}"""));
        for (String unicorn : List.of("Shadowfax", "Bucephalus")) {
            for (int seq = 1; seq <= 7; seq++) {
                service.call("PutItem", json("{'TableName':'Rides','Item':{'Unicorn':{'S':'" + unicorn + "'},'Seq':{'N':'" + seq
                        + "'},'Odd':{'BOOL':" + (seq % 2 == 1) + "}}}"));
            }
        }
    }

    @Test
    void queryPagesFollowLimitAndEndWithoutALastEvaluatedKey() {
        List<JsonNode> pages = pages("Query", """
                {'TableName':'Rides','KeyConditionExpression':'Unicorn = :u','ExpressionAttributeValues':{':u':{'S':'Shadowfax'}},'Limit':3}""");
        assertThat(pages).hasSize(3);
        assertThat(sequences(pages)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(pages.get(0).get("LastEvaluatedKey")).isEqualTo(json("{'Unicorn':{'S':'Shadowfax'},'Seq':{'N':'3'}}"));
        assertThat(pages.get(2).has("LastEvaluatedKey")).isFalse();
    }

    @Test
    void aPageThatEndsExactlyAtTheLastItemStillCarriesALastEvaluatedKeyAsOnAws() {
        List<JsonNode> pages = pages("Query", """
                {'TableName':'Rides','KeyConditionExpression':'Unicorn = :u','ExpressionAttributeValues':{':u':{'S':'Bucephalus'}},'Limit':7}""");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(1).get("Count").asInt()).isZero();
        assertThat(pages.get(1).get("Items")).isEmpty();
    }

    @Test
    void queryBackwardsPagesInDescendingOrder() {
        List<JsonNode> pages = pages("Query", """
                {'TableName':'Rides','KeyConditionExpression':'Unicorn = :u AND Seq > :two','ScanIndexForward':false,
                 'ExpressionAttributeValues':{':u':{'S':'Shadowfax'},':two':{'N':'2'}},'Limit':2}""");
        assertThat(sequences(pages)).containsExactly(7, 6, 5, 4, 3);
        assertThat(pages).hasSize(3);
    }

    @Test
    void limitCountsItemsReadBeforeTheFilterDropsThem() {
        List<JsonNode> pages = pages("Query", """
                {'TableName':'Rides','KeyConditionExpression':'Unicorn = :u','FilterExpression':'Odd = :t',
                 'ExpressionAttributeValues':{':u':{'S':'Shadowfax'},':t':{'BOOL':true}},'Limit':2}""");
        assertThat(pages).hasSize(4);
        assertThat(pages.get(0).get("ScannedCount").asInt()).isEqualTo(2);
        assertThat(pages.get(0).get("Count").asInt()).isEqualTo(1);
        assertThat(sequences(pages)).containsExactly(1, 3, 5, 7);
    }

    @Test
    void scanPagesThroughEveryItemInKeyOrder() {
        List<JsonNode> pages = pages("Scan", "{'TableName':'Rides','Limit':4}");
        assertThat(pages).hasSize(4);
        List<String> keys = new ArrayList<>();
        pages.forEach(p -> p.get("Items").forEach(i -> keys.add(i.get("Unicorn").get("S").asText() + i.get("Seq").get("N").asText())));
        assertThat(keys).containsExactly("Bucephalus1", "Bucephalus2", "Bucephalus3", "Bucephalus4", "Bucephalus5", "Bucephalus6",
                "Bucephalus7", "Shadowfax1", "Shadowfax2", "Shadowfax3", "Shadowfax4", "Shadowfax5", "Shadowfax6", "Shadowfax7");
    }

    @Test
    void selectCountReturnsCountsWithoutItems() {
        JsonNode page = service.call("Scan", json("""
                {'TableName':'Rides','Select':'COUNT','FilterExpression':'Odd = :f','ExpressionAttributeValues':{':f':{'BOOL':false}}}"""));
        assertThat(page.has("Items")).isFalse();
        assertThat(page.get("Count").asInt()).isEqualTo(6);
        assertThat(page.get("ScannedCount").asInt()).isEqualTo(14);
    }

    @Test
    void listTablesPagesByName() {
        for (String name : List.of("Zebras", "Alpacas", "Moose")) {
            service.call("CreateTable", json("{'TableName':'" + name + "','BillingMode':'PAY_PER_REQUEST',"
                    + "'KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}]}"));
        }
        JsonNode first = service.call("ListTables", json("{'Limit':2}"));
        assertThat(first.get("TableNames")).isEqualTo(json("['Alpacas','Moose']"));
        JsonNode second = service.call("ListTables", json("{'Limit':2,'ExclusiveStartTableName':'" + first.get("LastEvaluatedTableName").asText() + "'}"));
        assertThat(second.get("TableNames")).isEqualTo(json("['Rides','Zebras']"));
        assertThat(second.has("LastEvaluatedTableName")).isFalse();
        assertThat(service.tableNames()).containsExactly("Alpacas", "Moose", "Rides", "Zebras");
    }

    private List<JsonNode> pages(String operation, String request) {
        List<JsonNode> pages = new ArrayList<>();
        ObjectNode input = (ObjectNode) json(request);
        while (true) {
            JsonNode page = service.call(operation, input);
            pages.add(page);
            if (!page.has("LastEvaluatedKey") || pages.size() > 20) {
                return pages;
            }
            input.set("ExclusiveStartKey", page.get("LastEvaluatedKey"));
        }
    }

    private static List<Integer> sequences(List<JsonNode> pages) {
        List<Integer> sequences = new ArrayList<>();
        pages.forEach(p -> p.get("Items").forEach(i -> sequences.add(i.get("Seq").get("N").asInt())));
        return sequences;
    }
}
