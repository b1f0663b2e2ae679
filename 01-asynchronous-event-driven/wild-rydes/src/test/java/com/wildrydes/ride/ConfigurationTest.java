package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationTest {

    private static final String FLEET = "https://abc123.execute-api.us-east-1.amazonaws.com/Prod/unicorn";
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:wild-rydes-RidesTopic-4BQJ2X7M9KZ1";
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "REQUEST_UNICORN_URL", FLEET, "RIDES_SNS_TOPIC_ARN", TOPIC, "AWS_REGION", "eu-west-1");

    @Test
    void readsTheFleetUrlTheTopicAndTheRegion() {
        Configuration configuration = Configuration.fromEnvironment(ENVIRONMENT::get);

        assertThat(configuration.requestUnicornUrl()).isEqualTo(URI.create(FLEET));
        assertThat(configuration.ridesTopicArn()).isEqualTo(TOPIC);
        assertThat(configuration.region()).isEqualTo("eu-west-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"REQUEST_UNICORN_URL", "RIDES_SNS_TOPIC_ARN", "AWS_REGION"})
    void failsNamingAMissingVariable(String missing) {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.remove(missing);

        assertThatIllegalStateException()
                .isThrownBy(() -> Configuration.fromEnvironment(environment::get))
                .withMessageStartingWith("Environment variable " + missing + " is not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc123.execute-api.us-east-1.amazonaws.com/Prod/unicorn", "ftp://host/unicorn",
            "https:///no-host", "http://exa mple.com/"})
    void failsNamingAVariableThatIsNotAnHttpUrl(String value) {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.put("REQUEST_UNICORN_URL", value);

        assertThatIllegalStateException()
                .isThrownBy(() -> Configuration.fromEnvironment(environment::get))
                .withMessage("Environment variable REQUEST_UNICORN_URL must be an http or https URL of the fleet's"
                        + " GET /unicorn endpoint, got '" + value + "'");
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
                .isThrownBy(() -> new RequestRideHandler(Map.of("REQUEST_UNICORN_URL", FLEET, "AWS_REGION",
                        "us-east-1")::get))
                .withMessageContaining("RIDES_SNS_TOPIC_ARN");
    }
}
