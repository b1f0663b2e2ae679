package com.wildrydes.ride;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Where the neighbours are, from the function's environment (the template fills it): the fleet's URL, the rides
 * topic, and the region the AWS SDK calls. Read once, at start-up, so that a misconfigured function fails its first
 * start with a message naming the variable instead of failing every ride.
 */
record Configuration(URI requestUnicornUrl, String ridesTopicArn, String region) {

    static final String REQUEST_UNICORN_URL = "REQUEST_UNICORN_URL";
    static final String RIDES_SNS_TOPIC_ARN = "RIDES_SNS_TOPIC_ARN";
    static final String AWS_REGION = "AWS_REGION";

    private static final Pattern TOPIC_ARN =
            Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");

    /**
     * @throws IllegalStateException naming the variable that is missing or malformed
     */
    static Configuration fromEnvironment(UnaryOperator<String> environment) {
        return new Configuration(
                url(environment, REQUEST_UNICORN_URL, "the fleet's GET /unicorn endpoint"),
                arn(environment, RIDES_SNS_TOPIC_ARN, TOPIC_ARN, "the ARN of the topic rides are published to",
                        "an SNS topic ARN such as arn:aws:sns:us-east-1:123456789012:wild-rydes-RidesTopic"),
                required(environment, AWS_REGION, "the function's region, which the Lambda runtime sets"));
    }

    private static URI url(UnaryOperator<String> environment, String variable, String purpose) {
        String value = required(environment, variable, "the full URL of " + purpose
                + ", e.g. https://abc123.execute-api.us-east-1.amazonaws.com/Prod/...");
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below, with the variable's name.
        }
        throw new IllegalStateException("Environment variable " + variable + " must be an http or https URL of "
                + purpose + ", got '" + value + "'");
    }

    private static String arn(UnaryOperator<String> environment, String variable, Pattern pattern, String purpose,
            String expected) {
        String value = required(environment, variable, purpose);
        if (!pattern.matcher(value.strip()).matches()) {
            throw new IllegalStateException("Environment variable " + variable + " must be " + expected
                    + ", got '" + value + "'");
        }
        return value.strip();
    }

    private static String required(UnaryOperator<String> environment, String variable, String purpose) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + variable + " is not set; it must hold "
                    + purpose);
        }
        return value;
    }
}
