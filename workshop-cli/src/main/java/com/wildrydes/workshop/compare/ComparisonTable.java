package com.wildrydes.workshop.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The comparison as rows of cells, one row per stage, shared by the terminal and the Markdown report. */
final class ComparisonTable {

    private ComparisonTable() {
    }

    static List<String> latencyHeader(CompareResult result) {
        List<String> header = new ArrayList<>(List.of("stage", "cold ride ms", "p50 ms", "p95 ms", "p99 ms"));
        if (result.parameters().awsLatency()) {
            header.add("modelled AWS p50 ms");
        }
        header.addAll(List.of("hops", "lost"));
        return header;
    }

    static List<List<String>> latencyRows(CompareResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (StageMeasurement stage : result.stages()) {
            if (!stage.succeeded()) {
                List<String> row = new ArrayList<>(List.of(stage.stage(), "failed: " + stage.failure()));
                while (row.size() < latencyHeader(result).size()) {
                    row.add("");
                }
                rows.add(row);
                continue;
            }
            List<String> row = new ArrayList<>(List.of(stage.stage(), ms(stage.coldRideMs()), ms(stage.warm().p50()),
                    ms(stage.warm().p95()), ms(stage.warm().p99())));
            if (result.parameters().awsLatency()) {
                LatencyProfile.Model model = result.models().get(stage.stage());
                row.add(model == null ? "" : ms(model.p50Ms()) + " (modelled)");
            }
            row.add(Integer.toString(stage.pathHops().size()));
            row.add(Long.toString(stage.lost()));
            rows.add(row);
        }
        return rows;
    }

    static List<String> usageHeader() {
        return List.of("stage", "Lambda invocations", "billed GB-s", "API Gateway requests", "SNS publishes",
                "DynamoDB reads", "DynamoDB writes", "SQS requests", "bill per month USD");
    }

    static List<List<String>> usageRows(CompareResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (StageMeasurement stage : result.stages()) {
            if (!stage.succeeded()) {
                continue;
            }
            PerRideUsage ride = stage.perRide();
            MonthlyBill bill = result.bills().get(stage.stage());
            rows.add(List.of(stage.stage(), count(ride.lambdaInvocations()), String.format(Locale.ROOT, "%.4f", ride.lambdaGbSeconds()),
                    count(ride.apiGatewayRequests()), count(ride.snsPublishes()), count(ride.dynamoDbReads()),
                    count(ride.dynamoDbWrites()), count(ride.sqsRequests()), usd(bill.totalUsd())));
        }
        return rows;
    }

    static List<String> billHeader(CompareResult result) {
        List<String> header = new ArrayList<>(List.of("service"));
        result.stages().stream().filter(StageMeasurement::succeeded).forEach(s -> header.add(s.number() + " USD/month"));
        return header;
    }

    static List<List<String>> billRows(CompareResult result) {
        List<StageMeasurement> ran = result.stages().stream().filter(StageMeasurement::succeeded).toList();
        List<List<String>> rows = new ArrayList<>();
        for (String service : MonthlyBill.SERVICES) {
            List<String> row = new ArrayList<>(List.of(service));
            ran.forEach(s -> row.add(usd(result.bills().get(s.stage()).usdFor(service))));
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("total"));
        ran.forEach(s -> total.add(usd(result.bills().get(s.stage()).totalUsd())));
        rows.add(total);
        return rows;
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Per-ride counts are averages: whole when the architecture makes them whole, two decimals otherwise. */
    static String count(double value) {
        return Math.abs(value - Math.rint(value)) < 0.005 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    static String usd(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }
}
