package com.wildrydes.workshop.compare;

/**
 * What one ride used, averaged over a measured run: the quantities AWS bills.
 *
 * @param lambdaGbSeconds billed duration × memory: Σ billedDurationMs/1000 × MemorySize/1024, per ride
 */
public record PerRideUsage(double lambdaInvocations, double lambdaGbSeconds, double apiGatewayRequests,
                           double snsPublishes, double snsLambdaDeliveries, double dynamoDbWrites,
                           double dynamoDbEventuallyConsistentReads, double dynamoDbStronglyConsistentReads,
                           double sqsRequests) {

    public static final PerRideUsage NONE = new PerRideUsage(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** DynamoDB reads of any consistency, as the terminal table shows them. */
    public double dynamoDbReads() {
        return dynamoDbEventuallyConsistentReads + dynamoDbStronglyConsistentReads;
    }
}
