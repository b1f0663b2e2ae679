package com.wildrydes.localcloud.sqs;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The one place where conformance tests set aside what legitimately differs between two SQS
 * endpoints (ids, accounts, hosts, clocks), and where moto is known to differ from AWS, which
 * local-cloud follows. Everything not normalised here must be equal.
 */
final class AwsDifferences {

    private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("(arn:aws:[a-z0-9-]+:[a-z0-9-]*:)\\d{12}(:)");

    /**
     * Steps where moto answers differently from AWS, with AWS's answer, which local-cloud gives; the
     * reference transcript takes these in place of moto's.
     */
    static final Map<String, String> WHERE_MOTO_DIFFERS_FROM_AWS = Map.of(
            // moto accepts any attribute name; AWS rejects names it does not know
            "set unknown attribute", "InvalidAttributeNameException 400 InvalidAttributeName",
            // moto stores a Number attribute that is not a number; AWS refuses to cast it
            "bad number", "SqsException 400 InvalidParameterValue");

    private AwsDifferences() {
    }

    /** What AWS answers at {@code step}, given moto's answer. */
    static String awsAnswer(String step, String motoAnswer) {
        return WHERE_MOTO_DIFFERS_FROM_AWS.getOrDefault(step, motoAnswer);
    }

    /** Hosts and account ids differ; a queue URL is compared by the queue name it ends with. */
    static String queueUrl(String url) {
        return url == null ? null : "<queue>/" + url.substring(url.lastIndexOf('/') + 1);
    }

    static String arn(String arn) {
        return arn == null ? null : ACCOUNT_IN_ARN.matcher(arn).replaceAll("$1<account>$2");
    }

    /** An error as callers see it: the SDK's exception class, its status and error code (messages differ in wording). */
    static String error(Throwable thrown) {
        if (thrown instanceof AwsServiceException e) {
            return e.getClass().getSimpleName() + " " + e.statusCode() + " " + e.awsErrorDetails().errorCode();
        }
        return thrown.getClass().getName() + ": " + thrown.getMessage();
    }

    /** Queue attributes with clock- and account-dependent values set aside. */
    static Map<String, String> queueAttributes(Map<String, String> attributes) {
        Map<String, String> normalised = new TreeMap<>();
        attributes.forEach((name, value) -> normalised.put(name, switch (name) {
            case "CreatedTimestamp", "LastModifiedTimestamp" -> "<timestamp>";
            case "QueueArn" -> arn(value);
            // moto writes the policy's JSON with a space after each colon and comma; AWS writes it compact
            case "RedrivePolicy" -> arn(value.replace(": ", ":").replace(", ", ","));
            default -> value;
        }));
        // moto reports SSE-SQS off for new queues; AWS has enabled it by default since 2022
        normalised.computeIfPresent("SqsManagedSseEnabled", (name, value) -> "true");
        return normalised;
    }

    /** Message system attributes: timestamps and the sender's principal id differ by endpoint. */
    static Map<String, String> messageSystemAttributes(Map<String, String> attributes) {
        Map<String, String> normalised = new TreeMap<>();
        attributes.forEach((name, value) -> normalised.put(name, switch (name) {
            case "SentTimestamp", "ApproximateFirstReceiveTimestamp" -> "<timestamp>";
            case "SenderId" -> "<sender>";
            case "DeadLetterQueueSourceArn" -> arn(value);
            default -> value;
        }));
        return normalised;
    }
}
