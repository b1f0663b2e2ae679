package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationTest {

    private static final String FLEET =
            "arn:aws:lambda:us-east-1:123456789012:function:wild-rydes-ride-fleet-RequestUnicornInvoke-Jq3X9w:live";
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:wild-rydes-RidesTopic-4BQJ2X7M9KZ1";
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "REQUEST_UNICORN_ARN", FLEET, "RIDES_SNS_TOPIC_ARN", TOPIC, "AWS_REGION", "eu-west-1");

    @Test
    void readsTheFleetFunctionTheTopicAndTheRegion() {
        Configuration configuration = Configuration.fromEnvironment(ENVIRONMENT::get);

        assertThat(configuration.requestUnicornArn()).isEqualTo(FLEET);
        assertThat(configuration.ridesTopicArn()).isEqualTo(TOPIC);
        assertThat(configuration.region()).isEqualTo("eu-west-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"REQUEST_UNICORN_ARN", "RIDES_SNS_TOPIC_ARN", "AWS_REGION"})
    void failsNamingAMissingVariable(String missing) {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.remove(missing);

        assertThatIllegalStateException()
                .isThrownBy(() -> Configuration.fromEnvironment(environment::get))
                .withMessageStartingWith("Environment variable " + missing + " is not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:lambda:us-east-1:123456789012:function:fleet",
            "arn:aws:lambda:us-east-1:123456789012:function:fleet:7",
            "arn:aws:lambda:us-east-1:123456789012:function:fleet:$LATEST",
            "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:fleet:live"})
    void acceptsAFunctionArnWithOrWithoutAVersionOrAlias(String value) {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.put("REQUEST_UNICORN_ARN", value);

        assertThat(Configuration.fromEnvironment(environment::get).requestUnicornArn()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wild-rydes-ride-fleet-RequestUnicornInvoke",
            "https://abc123.execute-api.us-east-1.amazonaws.com/Prod/unicorn",
            "arn:aws:lambda:us-east-1:123456789012:layer:fleet", "arn:aws:sns:us-east-1:123456789012:fleet",
            "arn:aws:lambda:us-east-1:123456789012:function:fleet:live:1",
            "/wild-rydes-ride-fleet/dev/RequestUnicornInvokeArn"})
    void failsNamingAFleetVariableThatIsNotAFunctionArn(String value) {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.put("REQUEST_UNICORN_ARN", value);

        assertThatIllegalStateException()
                .isThrownBy(() -> Configuration.fromEnvironment(environment::get))
                .withMessageStartingWith("Environment variable REQUEST_UNICORN_ARN must be a Lambda function ARN")
                .withMessageEndingWith("got '" + value + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wild-rydes-RidesTopic", "arn:aws:sqs:us-east-1:123456789012:rides",
            "arn:aws:sns:us-east-1:123456789012:", "arn:aws:sns:us-east-1:1234:rides", "/wild-rydes/dev/RidesTopicArn"})
    void failsNamingATopicVariableThatIsNotAnSnsTopicArn(String value) {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.put("RIDES_SNS_TOPIC_ARN", value);

        assertThatIllegalStateException()
                .isThrownBy(() -> Configuration.fromEnvironment(environment::get))
                .withMessageStartingWith("Environment variable RIDES_SNS_TOPIC_ARN must be an SNS topic ARN")
                .withMessageEndingWith("got '" + value + "'");
    }

    @Test
    void acceptsTopicArnsOfEveryPartition() {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.put("RIDES_SNS_TOPIC_ARN", "arn:aws-cn:sns:cn-north-1:123456789012:rides");

        assertThat(Configuration.fromEnvironment(environment::get).ridesTopicArn())
                .isEqualTo("arn:aws-cn:sns:cn-north-1:123456789012:rides");
    }

    @Test
    void theRuntimeConstructorFailsFastWithoutConfiguration() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new RequestRideHandler(Map.of("RIDES_SNS_TOPIC_ARN", TOPIC, "AWS_REGION",
                        "us-east-1")::get))
                .withMessageContaining("REQUEST_UNICORN_ARN");
    }
}
