package com.wildrydes.workshop.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS list prices for the services a ride uses, read from a JSON file kept in the repository so the
 * figures, their date and their sources are reviewed like code.
 */
public record PriceTable(String region, LocalDate asOf, Map<String, Price> prices, List<String> assumptions) {

    public static final String RESOURCE = "aws-prices-us-east-1.json";

    public static final String LAMBDA_REQUESTS = "lambdaRequests";
    public static final String LAMBDA_DURATION = "lambdaDurationX86";
    public static final String API_GATEWAY_REQUESTS = "apiGatewayRestRequests";
    public static final String SNS_PUBLISHES = "snsStandardPublishes";
    public static final String SNS_LAMBDA_DELIVERIES = "snsLambdaDeliveries";
    public static final String DYNAMODB_WRITES = "dynamoDbOnDemandWrites";
    public static final String DYNAMODB_READS = "dynamoDbOnDemandReads";
    public static final String SQS_REQUESTS = "sqsStandardRequests";
    static final List<String> REQUIRED = List.of(LAMBDA_REQUESTS, LAMBDA_DURATION, API_GATEWAY_REQUESTS, SNS_PUBLISHES,
            SNS_LAMBDA_DELIVERIES, DYNAMODB_WRITES, DYNAMODB_READS, SQS_REQUESTS);

    /**
     * One price.
     *
     * @param usd  dollars per {@code per} units
     * @param per  how many units {@code usd} buys, e.g. 1000000 for a price per million requests
     */
    public record Price(double usd, long per, String unit, String source, String note) {

        public double usdPerUnit() {
            return usd / per;
        }
    }

    public PriceTable {
        prices = Map.copyOf(prices);
        assumptions = List.copyOf(assumptions);
        for (String name : REQUIRED) {
            if (!prices.containsKey(name)) {
                throw new IllegalArgumentException("the price table has no '" + name + "'; it needs " + REQUIRED);
            }
        }
    }

    public Price price(String name) {
        Price price = prices.get(name);
        if (price == null) {
            throw new IllegalArgumentException("no price '" + name + "'; the prices are " + prices.keySet());
        }
        return price;
    }

    /** The table kept with this class. */
    public static PriceTable load() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Checks every price has a figure, a unit and an https source, and that the date is a date. */
    static PriceTable parse(JsonNode json) {
        LocalDate asOf;
        try {
            asOf = LocalDate.parse(json.path("asOf").asText(""));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the price table's asOf must be a date like 2026-11-27, not '"
                    + json.path("asOf").asText("") + "'");
        }
        Map<String, Price> prices = new LinkedHashMap<>();
        json.path("prices").properties().forEach(entry -> {
            JsonNode p = entry.getValue();
            String name = entry.getKey();
            if (!p.path("usd").isNumber() || p.path("usd").asDouble() < 0) {
                throw new IllegalArgumentException("price '" + name + "' needs a usd figure of 0 or more");
            }
            if (!p.path("per").canConvertToLong() || p.path("per").asLong() < 1) {
                throw new IllegalArgumentException("price '" + name + "' needs 'per', the units its figure buys (1 or more)");
            }
            String unit = p.path("unit").asText("");
            String source = p.path("source").asText("");
            if (unit.isBlank()) {
                throw new IllegalArgumentException("price '" + name + "' has no unit");
            }
            if (!source.startsWith("https://")) {
                throw new IllegalArgumentException("price '" + name + "' needs an https source URL, not '" + source + "'");
            }
            prices.put(name, new Price(p.path("usd").asDouble(), p.path("per").asLong(), unit, source, p.path("note").asText("")));
        });
        List<String> assumptions = new ArrayList<>();
        json.path("assumptions").forEach(a -> assumptions.add(a.asText()));
        return new PriceTable(json.path("region").asText(""), asOf, prices, assumptions);
    }
}
