package com.wildrydes.localcloud.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.wildrydes.localcloud.json.Json;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The one place where SNS conformance tests set aside what legitimately differs between two
 * endpoints (ids, accounts, hosts, clocks, signatures), and where moto is known to differ from AWS,
 * which local-cloud follows. Everything not normalised here must be equal.
 */
final class AwsDifferences {

    private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("(arn:aws:[a-z0-9-]+:[a-z0-9-]*:)\\d{12}(:)");
    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("(arn:aws:sns:[^:]+:[^:]+:[A-Za-z0-9_-]+):[0-9a-f-]{36}");
    private static final Pattern ACCOUNT = Pattern.compile("\\b\\d{12}\\b");

    /**
     * Steps where moto answers differently from AWS, with AWS's answer, which local-cloud gives; the
     * reference transcript takes these in place of moto's.
     */
    static final Map<String, String> WHERE_MOTO_DIFFERS_FROM_AWS = Map.of(
            // moto publishes an empty message; AWS refuses it ("Invalid parameter: Empty message")
            "empty message", "InvalidParameterException 400 InvalidParameter",
            // moto reports bad message attributes as InvalidParameter; AWS as ParameterValueInvalid
            "bad number", "InvalidParameterValueException 400 ParameterValueInvalid",
            "bad type", "InvalidParameterValueException 400 ParameterValueInvalid",
            // moto publishes a json-structured message without a default entry; AWS refuses it
            "structure without default", "InvalidParameterException 400 InvalidParameter");

    /** What AWS reports as the EffectiveDeliveryPolicy of a topic given no delivery policy. */
    private static final String AWS_DEFAULT_DELIVERY_POLICY = """
            {"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":20,"maxDelayTarget":20,"numRetries":3,
            "numMaxDelayRetries":0,"numNoDelayRetries":0,"numMinDelayRetries":0,"backoffFunction":"linear"},
            "disableSubscriptionOverrides":false,"defaultRequestPolicy":{"headerContentType":"text/plain; charset=UTF-8"}}}""";

    private AwsDifferences() {
    }

    static String awsAnswer(String step, String motoAnswer) {
        return WHERE_MOTO_DIFFERS_FROM_AWS.getOrDefault(step, motoAnswer);
    }

    /** ARNs with the account and any subscription id set aside. */
    static String arn(String arn) {
        if (arn == null) {
            return null;
        }
        String withoutId = SUBSCRIPTION_ID.matcher(arn).replaceAll("$1:<subscription-id>");
        return ACCOUNT_IN_ARN.matcher(withoutId).replaceAll("$1<account>$2");
    }

    static String error(Throwable thrown) {
        if (thrown instanceof AwsServiceException e) {
            return e.getClass().getSimpleName() + " " + e.statusCode() + " " + e.awsErrorDetails().errorCode();
        }
        return thrown.getClass().getName() + ": " + thrown.getMessage();
    }

    static Map<String, String> topicAttributes(Map<String, String> attributes) {
        Map<String, String> normalised = new TreeMap<>();
        attributes.forEach((name, value) -> normalised.put(name, switch (name) {
            case "TopicArn" -> arn(value);
            case "Owner" -> "<account>";
            case "Policy" -> canonicalJson(ACCOUNT.matcher(arn(value)).replaceAll("<account>"));
            // moto reports its own default policy document; AWS reports its HTTP retry defaults, as local-cloud does
            case "EffectiveDeliveryPolicy" -> canonicalJson(value.contains("\"guaranteed\"") ? AWS_DEFAULT_DELIVERY_POLICY : value);
            default -> value;
        }));
        // moto lists an empty DeliveryPolicy; AWS lists DeliveryPolicy only once one is set
        if ("".equals(normalised.get("DeliveryPolicy"))) {
            normalised.remove("DeliveryPolicy");
        }
        return normalised;
    }

    static Map<String, String> subscriptionAttributes(Map<String, String> attributes) {
        Map<String, String> normalised = new TreeMap<>();
        attributes.forEach((name, value) -> normalised.put(name, switch (name) {
            case "SubscriptionArn", "TopicArn", "Endpoint" -> arn(value);
            case "Owner" -> "<account>";
            case "FilterPolicy" -> canonicalJson(value);
            default -> value;
        }));
        return normalised;
    }

    /** An SNS envelope as an SQS subscriber receives it, with endpoint-specific values set aside. */
    static Map<String, String> envelope(String body) {
        JsonNode node = parse(body);
        Map<String, String> normalised = new TreeMap<>();
        node.properties().forEach(field -> normalised.put(field.getKey(), switch (field.getKey()) {
            case "MessageId" -> "<id>";
            case "TopicArn" -> arn(field.getValue().asText());
            case "Timestamp" -> field.getValue().asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")
                    ? "<timestamp>" : "unexpected format: " + field.getValue().asText();
            case "Signature", "SigningCertURL", "UnsubscribeURL" -> "<" + field.getKey() + ">";
            // moto signs with version 2 (SHA256); AWS topics sign with version 1 unless told otherwise
            case "SignatureVersion" -> "2".equals(field.getValue().asText()) ? "1" : field.getValue().asText();
            case "MessageAttributes" -> canonicalJson(field.getValue().toString());
            default -> field.getValue().asText();
        }));
        return normalised;
    }

    /** JSON with object keys sorted, since neither SNS nor the SDK promises an order. */
    private static String canonicalJson(String json) {
        try {
            Object value = SORTED.treeToValue(parse(json), Object.class);
            return SORTED.writeValueAsString(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static final ObjectMapper SORTED = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
