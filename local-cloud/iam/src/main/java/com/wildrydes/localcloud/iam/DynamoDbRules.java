package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DynamoDB (awsJson1_0): {@code dynamodb:<Operation>} on the table named by {@code TableName}, on
 * its index for a Query or Scan of one, on every table of a batch, and on {@code *} for ListTables.
 */
final class DynamoDbRules implements ServiceRules {

    private static final Set<String> ON_TABLE = Set.of(
            "CreateTable", "DescribeTable", "DeleteTable", "PutItem", "GetItem", "DeleteItem", "UpdateItem", "Query", "Scan");
    private static final Set<String> BATCHES = Set.of("BatchWriteItem", "BatchGetItem");
    private static final Set<String> MEMBERS = Set.of("TableName", "IndexName", "RequestItems");

    private final Arns arns;

    DynamoDbRules(Arns arns) {
        this.arns = arns;
    }

    @Override
    public String signingName() {
        return "dynamodb";
    }

    @Override
    public Optional<RequestedAction> requested(AwsRequest request) {
        String operation = request.targetOperation();
        if (operation == null) {
            return Optional.empty();
        }
        String action = "dynamodb:" + operation;
        if (operation.equals("ListTables")) {
            return Optional.of(RequestedAction.on(action, RequestedAction.ANY_RESOURCE));
        }
        if (!ON_TABLE.contains(operation) && !BATCHES.contains(operation)) {
            return Optional.empty();
        }
        return JsonMembers.read(request.body(), MEMBERS).flatMap(members -> {
            if (BATCHES.contains(operation)) {
                List<String> tables = members.keys("RequestItems");
                return tables.isEmpty() ? Optional.empty()
                        : Optional.of(new RequestedAction(action, tables.stream().map(arns::table).toList()));
            }
            String table = members.string("TableName");
            if (table == null || table.isEmpty()) {
                return Optional.empty();
            }
            String index = members.string("IndexName");
            boolean onIndex = index != null && (operation.equals("Query") || operation.equals("Scan"));
            return Optional.of(RequestedAction.on(action, arns.table(table) + (onIndex ? "/index/" + index : "")));
        });
    }

    /** 400, with the coral namespace DynamoDB's authorization layer answers in and a capitalised {@code Message}. */
    @Override
    public AwsResponse accessDenied(AwsRequest request, String message) {
        return Refusals.json(400, "application/x-amz-json-1.0",
                "com.amazon.coral.service#AccessDeniedException", "Message", message,
                Map.of("x-amzn-ErrorType", "AccessDeniedException"));
    }
}
