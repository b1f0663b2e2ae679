package com.wildrydes.localcloud.sqs;

import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The names, defaults and valid values of a standard queue's attributes. */
final class QueueAttributes {

    static final String VISIBILITY_TIMEOUT = "VisibilityTimeout";
    static final String MAXIMUM_MESSAGE_SIZE = "MaximumMessageSize";
    static final String MESSAGE_RETENTION_PERIOD = "MessageRetentionPeriod";
    static final String DELAY_SECONDS = "DelaySeconds";
    static final String RECEIVE_MESSAGE_WAIT_TIME_SECONDS = "ReceiveMessageWaitTimeSeconds";
    static final String REDRIVE_POLICY = "RedrivePolicy";

    /** What a new standard queue has unless its creator says otherwise. */
    static final Map<String, String> DEFAULTS = orderedMap(
            VISIBILITY_TIMEOUT, "30",
            MAXIMUM_MESSAGE_SIZE, "1048576",
            MESSAGE_RETENTION_PERIOD, "345600",
            DELAY_SECONDS, "0",
            RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "0",
            "SqsManagedSseEnabled", "true");

    /** Reported by GetQueueAttributes, never set by callers. */
    static final List<String> COMPUTED = List.of(
            "QueueArn", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp");

    private static final Set<String> JSON_DOCUMENTS = Set.of("Policy", "RedriveAllowPolicy");
    private static final Set<String> FIFO_ONLY =
            Set.of("ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit");
    static final Set<String> SETTABLE = Set.of(
            VISIBILITY_TIMEOUT, MAXIMUM_MESSAGE_SIZE, MESSAGE_RETENTION_PERIOD, DELAY_SECONDS,
            RECEIVE_MESSAGE_WAIT_TIME_SECONDS, REDRIVE_POLICY, "Policy", "RedriveAllowPolicy",
            "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled");

    private QueueAttributes() {
    }

    /**
     * Checks attributes a caller wants to set and returns them in stored form; an empty value for
     * RedrivePolicy, Policy or RedriveAllowPolicy means "remove".
     *
     * @param queueExists whether a queue ARN names an existing queue, for a redrive policy's target
     */
    static Map<String, String> validate(Map<String, String> requested, Predicate<String> queueExists) {
        Map<String, String> valid = new LinkedHashMap<>();
        requested.forEach((name, value) -> {
            if (name.equals("FifoQueue")) {
                if (!value.equalsIgnoreCase("false")) {
                    throw SqsError.unsupported("local-cloud SQS serves standard queues only; FIFO queues are not supported.");
                }
                return;
            }
            if (FIFO_ONLY.contains(name) || !SETTABLE.contains(name)) {
                throw SqsError.invalidAttributeName(name);
            }
            valid.put(name, switch (name) {
                case VISIBILITY_TIMEOUT -> integer(name, value, 0, 43_200);
                case MAXIMUM_MESSAGE_SIZE -> integer(name, value, 1_024, 1_048_576);
                case MESSAGE_RETENTION_PERIOD -> integer(name, value, 60, 1_209_600);
                case DELAY_SECONDS -> integer(name, value, 0, 900);
                case RECEIVE_MESSAGE_WAIT_TIME_SECONDS -> integer(name, value, 0, 20);
                case "KmsDataKeyReusePeriodSeconds" -> integer(name, value, 60, 86_400);
                case "SqsManagedSseEnabled" -> bool(name, value);
                case REDRIVE_POLICY -> redrivePolicy(value, queueExists);
                default -> JSON_DOCUMENTS.contains(name) ? jsonDocument(name, value) : value;
            });
        });
        return valid;
    }

    private static String integer(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return Integer.toString(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SqsError.invalidAttributeValue("Invalid value for the parameter " + name + ".");
    }

    private static String bool(String name, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return value.toLowerCase(Locale.ROOT);
        }
        throw SqsError.invalidAttributeValue("Invalid value for the parameter " + name + ".");
    }

    private static String redrivePolicy(String value, Predicate<String> queueExists) {
        if (value.isEmpty()) {
            return "";
        }
        RedrivePolicy policy = RedrivePolicy.parse(value);
        if (!queueExists.test(policy.deadLetterTargetArn())) {
            throw RedrivePolicy.invalid(value, "Dead letter target does not exist.");
        }
        return policy.toJson();
    }

    private static String jsonDocument(String name, String value) {
        if (value.isEmpty()) {
            return "";
        }
        try {
            if (Json.parse(value.getBytes(StandardCharsets.UTF_8)).isObject()) {
                return value;
            }
        } catch (IOException e) {
            // reported below
        }
        throw SqsError.invalidAttributeValue("Invalid value for the parameter " + name + ".");
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
