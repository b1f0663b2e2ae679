package com.wildrydes.ride;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Where the neighbours are, from the function's environment (the template fills it): the fleet's function, the
 * rides topic, and the region the AWS SDK calls. Read once, at start-up, so that a misconfigured function fails
 * its first start with a message naming the variable instead of failing every ride.
 */
record Configuration(String requestUnicornArn, String ridesTopicArn, String region) {

    static final String REQUEST_UNICORN_ARN = "REQUEST_UNICORN_ARN";
    static final String RIDES_SNS_TOPIC_ARN = "RIDES_SNS_TOPIC_ARN";
    static final String AWS_REGION = "AWS_REGION";

    /** A function's ARN, with or without a version or alias after it. */
    private static final Pattern FUNCTION_ARN = Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:"
            + "[A-Za-z0-9_-]{1,64}(:(\\$LATEST|[A-Za-z0-9_-]{1,128}))?");
    private static final Pattern TOPIC_ARN =
            Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");

    /**
     * @throws IllegalStateException naming the variable that is missing or malformed
     */
    static Configuration fromEnvironment(UnaryOperator<String> environment) {
        return new Configuration(
                arn(environment, REQUEST_UNICORN_ARN, FUNCTION_ARN, "the ARN of the fleet's RequestUnicornInvoke",
                        "a Lambda function ARN such as arn:aws:lambda:us-east-1:123456789012:function:"
                                + "wild-rydes-ride-fleet-RequestUnicornInvoke:live"),
                arn(environment, RIDES_SNS_TOPIC_ARN, TOPIC_ARN, "the ARN of the topic rides are published to",
                        "an SNS topic ARN such as arn:aws:sns:us-east-1:123456789012:wild-rydes-RidesTopic"),
                required(environment, AWS_REGION, "the function's region, which the Lambda runtime sets"));
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
