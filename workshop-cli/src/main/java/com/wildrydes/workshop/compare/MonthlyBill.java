package com.wildrydes.workshop.compare;

import java.util.List;

/**
 * A stage's projected monthly AWS bill: each billed quantity per ride × rides per month × its price.
 * Free tiers are ignored (see the price table's assumptions).
 */
public record MonthlyBill(long ridesPerMonth, List<Line> lines) {

    /** One billed item, e.g. API Gateway requests: how many a month and what they cost. */
    public record Line(String service, String item, double quantityPerMonth, String unit, double usd) {
    }

    public MonthlyBill {
        lines = List.copyOf(lines);
    }

    /** DynamoDB request units per eventually consistent read; a strongly consistent read costs one. */
    static final double EVENTUAL_READ_UNITS = 0.5;

    public static MonthlyBill of(PerRideUsage ride, long ridesPerMonth, PriceTable prices) {
        double rides = ridesPerMonth;
        double readUnits = ride.dynamoDbStronglyConsistentReads() + EVENTUAL_READ_UNITS * ride.dynamoDbEventuallyConsistentReads();
        return new MonthlyBill(ridesPerMonth, List.of(
                line("Lambda", "requests", ride.lambdaInvocations() * rides, "requests", prices.price(PriceTable.LAMBDA_REQUESTS)),
                line("Lambda", "duration", ride.lambdaGbSeconds() * rides, "GB-s", prices.price(PriceTable.LAMBDA_DURATION)),
                line("API Gateway", "REST requests", ride.apiGatewayRequests() * rides, "requests",
                        prices.price(PriceTable.API_GATEWAY_REQUESTS)),
                line("SNS", "publishes", ride.snsPublishes() * rides, "requests", prices.price(PriceTable.SNS_PUBLISHES)),
                line("SNS", "deliveries to Lambda", ride.snsLambdaDeliveries() * rides, "deliveries",
                        prices.price(PriceTable.SNS_LAMBDA_DELIVERIES)),
                line("DynamoDB", "writes", ride.dynamoDbWrites() * rides, "WRU", prices.price(PriceTable.DYNAMODB_WRITES)),
                line("DynamoDB", "reads", readUnits * rides, "RRU", prices.price(PriceTable.DYNAMODB_READS)),
                line("SQS", "requests", ride.sqsRequests() * rides, "requests", prices.price(PriceTable.SQS_REQUESTS))));
    }

    private static Line line(String service, String item, double quantity, String unit, PriceTable.Price price) {
        return new Line(service, item, quantity, unit, quantity * price.usdPerUnit());
    }

    public double totalUsd() {
        return lines.stream().mapToDouble(Line::usd).sum();
    }

    /** The cost of one service, all its lines together. */
    public double usdFor(String service) {
        return lines.stream().filter(l -> l.service().equals(service)).mapToDouble(Line::usd).sum();
    }

    static final List<String> SERVICES = List.of("Lambda", "API Gateway", "SNS", "DynamoDB", "SQS");
}
