package com.wildrydes.localcloud.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.lambda.FunctionConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which queues are dead-letter queues, and whose: a function's (its DeadLetterQueue or on-failure
 * destination) or another queue's (its RedrivePolicy). Their depth is the number of rides that failed.
 */
final class DeadLetterQueues {

    private DeadLetterQueues() {
    }

    /**
     * @param queueAttributes each queue's attributes by queue name, as GetQueueAttributes All reports them
     * @return for each dead-letter queue's ARN, who sends to it: {@code function RecordRide}, {@code queue rides}
     */
    static Map<String, List<String>> owners(List<FunctionConfig> functions, Map<String, Map<String, String>> queueAttributes) {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        for (FunctionConfig function : functions) {
            if (function.async() != null && function.async().onFailureTargetArn() != null) {
                owners.computeIfAbsent(function.async().onFailureTargetArn(), arn -> new ArrayList<>())
                        .add("function " + function.functionName());
            }
        }
        queueAttributes.forEach((queue, attributes) -> {
            String target = deadLetterTarget(attributes.get("RedrivePolicy"));
            if (target != null) {
                owners.computeIfAbsent(target, arn -> new ArrayList<>()).add("queue " + queue);
            }
        });
        return owners;
    }

    private static String deadLetterTarget(String redrivePolicy) {
        if (redrivePolicy == null || redrivePolicy.isBlank()) {
            return null;
        }
        try {
            JsonNode target = Json.parse(redrivePolicy.getBytes(StandardCharsets.UTF_8)).path("deadLetterTargetArn");
            return target.isTextual() ? target.asText() : null;
        } catch (IOException malformed) {
            // SQS validates the policy when it is set, so this is a queue created some other way; it has no DLQ
            return null;
        }
    }
}
