package com.wildrydes.workshop.compare;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * AWS calls by {@code "<signing name> <operation>"}, e.g. {@code "dynamodb PutItem"}, and what they
 * mean for the bill: DynamoDB reads and writes, SNS publishes, SQS requests.
 */
public record CallCounts(Map<String, Long> byOperation) {

    private static final Set<String> DYNAMODB_READS = Set.of("GetItem", "Scan", "Query", "BatchGetItem", "TransactGetItems");
    private static final Set<String> DYNAMODB_WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems");

    public CallCounts {
        byOperation = Map.copyOf(byOperation);
    }

    public static CallCounts none() {
        return new CallCounts(Map.of());
    }

    /** The calls made since {@code earlier}. */
    public CallCounts minus(CallCounts earlier) {
        Map<String, Long> difference = new TreeMap<>();
        byOperation.forEach((key, count) -> {
            long since = count - earlier.byOperation.getOrDefault(key, 0L);
            if (since > 0) {
                difference.put(key, since);
            }
        });
        return new CallCounts(difference);
    }

    public long count(String service, String operation) {
        return byOperation.getOrDefault(service + " " + operation, 0L);
    }

    public long dynamoDbWrites() {
        return sum("dynamodb", DYNAMODB_WRITES, false);
    }

    public long dynamoDbEventuallyConsistentReads() {
        return sum("dynamodb", DYNAMODB_READS, false);
    }

    public long dynamoDbStronglyConsistentReads() {
        return sum("dynamodb", DYNAMODB_READS, true);
    }

    public long snsPublishes() {
        return count("sns", "Publish");
    }

    /** Every SQS API request is billed, sends and receives alike. */
    public long sqsRequests() {
        return byOperation.entrySet().stream().filter(e -> e.getKey().startsWith("sqs ")).mapToLong(Map.Entry::getValue).sum();
    }

    private long sum(String service, Set<String> operations, boolean consistent) {
        return operations.stream()
                .mapToLong(op -> count(service, consistent ? op + CallCounter.CONSISTENT : op))
                .sum();
    }
}
