package com.wildrydes.localcloud.dynamodb;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where the conformance test evens out differences that are not behaviour: account ids,
 * timestamps, generated ids and unordered results, plus the few places where moto_server differs from
 * AWS. For those local-cloud follows AWS, and each is listed here with the reason.
 *
 * <p>Known moto differences that are therefore left out of the conformance test (covered by
 * {@link DynamoDbSdkTest} instead):
 * <ul>
 *   <li>moto accepts unused ExpressionAttributeValues; AWS refuses them.</li>
 *   <li>moto accepts a Query FilterExpression on a key attribute; AWS refuses it.</li>
 *   <li>moto accepts duplicate elements in a set; AWS refuses them.</li>
 *   <li>moto keeps numbers as written ("1.50"); AWS trims leading and trailing zeros ("1.5").</li>
 *   <li>moto words DeleteTable of a missing table like an item operation; AWS names the table.</li>
 *   <li>moto accepts overlapping update paths ({@code SET a = :v, a[1] = :w}); AWS refuses them.</li>
 *   <li>moto answers a key condition whose value has the wrong type with no items; AWS refuses it.</li>
 *   <li>moto returns an empty Items list for Select COUNT; AWS returns none, so only the counts are compared.</li>
 *   <li>moto answers several invalid expressions (syntax errors, undefined placeholders, {@code <>} in a
 *       key condition) with HTTP 500; AWS answers ValidationException.</li>
 *   <li>moto answers {@code <} between a string and a number with HTTP 500; AWS evaluates it as false.</li>
 * </ul>
 */
final class Normalise {

    private Normalise() {
    }

    /** A table description without what differs by design: timestamps, table ids, account ids, moto's extra members. */
    static Map<String, Object> table(TableDescription table) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", table.tableName());
        view.put("arn", arn(table.tableArn()));
        view.put("status", table.tableStatusAsString());
        view.put("keySchema", table.keySchema());
        view.put("attributeDefinitions", table.attributeDefinitions());
        view.put("billingMode", table.billingModeSummary() == null ? null : table.billingModeSummary().billingModeAsString());
        view.put("readCapacity", table.provisionedThroughput().readCapacityUnits());
        view.put("writeCapacity", table.provisionedThroughput().writeCapacityUnits());
        view.put("itemCount", table.itemCount());
        return view;
    }

    /** ARNs carry the account id, which differs between the two endpoints. */
    static String arn(String arn) {
        return arn.replaceAll(":\\d{12}:", ":<account>:");
    }

    /** Scan order is unspecified on AWS (it follows a hash of the partition key): compare scans as key-sorted lists. */
    static List<Map<String, AttributeValue>> unordered(List<Map<String, AttributeValue>> items) {
        List<Map<String, AttributeValue>> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(Object::toString));
        return sorted;
    }

    /**
     * The page sizes AWS returns for moto's pages: AWS ends a page after {@code Limit} items without looking
     * ahead, so when the last page is exactly full it still carries a LastEvaluatedKey and one empty page
     * follows; moto looks ahead and stops.
     */
    static List<Integer> awsPagesFromMoto(List<Integer> motoPageSizes, int limit) {
        List<Integer> sizes = new ArrayList<>(motoPageSizes);
        if (!sizes.isEmpty() && sizes.get(sizes.size() - 1) == limit) {
            sizes.add(0);
        }
        return sizes;
    }

    /** An error as the SDK shows it: exception class, error code and message, with moto's wording mapped to AWS's. */
    static List<String> error(AwsServiceException e) {
        return List.of(e.getClass().getSimpleName(), String.valueOf(e.awsErrorDetails().errorCode()),
                awsMessage(e.awsErrorDetails().errorMessage()));
    }

    private static String awsMessage(String message) {
        if (message == null) {
            return "";
        }
        return switch (message) {
            // moto's generic wording for a key that lacks the range key; AWS names the schema mismatch
            case "Validation Exception" -> "The provided key element does not match the schema";
            // AWS's wording for throughput given to an on-demand table
            case "ProvisionedThroughput cannot be specified when BillingMode is PAY_PER_REQUEST" ->
                    "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST";
            // AWS's current wording for an empty key string (moto keeps an older message)
            case "One or more parameter values were invalid: An AttributeValue may not contain an empty string. Key: Id" ->
                    "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: Id";
            default -> message;
        };
    }
}
