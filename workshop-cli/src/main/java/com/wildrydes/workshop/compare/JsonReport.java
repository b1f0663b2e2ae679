package com.wildrydes.workshop.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.format.DateTimeFormatter;

/** compare.json: the raw figures of a run, for documentation and for comparing runs. */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(CompareResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("date", result.date().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        root.put("seconds", result.seconds());
        root.set("machine", JSON.valueToTree(result.machine()));
        root.set("parameters", JSON.valueToTree(result.parameters()));
        root.set("stages", JSON.valueToTree(result.stages()));
        ObjectNode bills = root.putObject("bills");
        result.bills().forEach((stage, bill) -> {
            ObjectNode node = JSON.valueToTree(bill);
            node.put("totalUsd", bill.totalUsd());
            bills.set(stage, node);
        });
        if (result.parameters().awsLatency()) {
            ObjectNode models = root.putObject("modelledAwsP50");
            models.put("label", "modelled");
            result.models().forEach((stage, model) -> models.set(stage, JSON.valueToTree(model)));
        }
        root.set("targets", JSON.valueToTree(result.targets()));
        ObjectNode prices = root.putObject("prices");
        prices.put("region", result.prices().region());
        prices.put("asOf", result.prices().asOf().toString());
        prices.set("prices", JSON.valueToTree(result.prices().prices()));
        prices.set("assumptions", JSON.valueToTree(result.prices().assumptions()));
        root.put("healthy", result.healthy());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write compare.json", e);
        }
    }
}
