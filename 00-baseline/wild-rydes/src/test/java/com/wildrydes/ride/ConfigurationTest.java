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
    private static final String RECORD = "http://127.0.0.1:4566/restapis/def456/Prod/_user_request_/record";

    @Test
    void readsBothUrls() {
        Configuration configuration = Configuration.fromEnvironment(Map.of(
                "REQUEST_UNICORN_URL", FLEET, "RIDE_RECORD_URL", RECORD)::get);

        assertThat(configuration.requestUnicornUrl()).isEqualTo(URI.create(FLEET));
        assertThat(configuration.rideRecordUrl()).isEqualTo(URI.create(RECORD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"REQUEST_UNICORN_URL", "RIDE_RECORD_URL"})
    void failsNamingAMissingVariable(String missing) {
        Map<String, String> environment =
                new HashMap<>(Map.of("REQUEST_UNICORN_URL", FLEET, "RIDE_RECORD_URL", RECORD));
        environment.remove(missing);

        assertThatIllegalStateException()
                .isThrownBy(() -> Configuration.fromEnvironment(environment::get))
                .withMessageStartingWith("Environment variable " + missing + " is not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc123.execute-api.us-east-1.amazonaws.com/Prod/unicorn", "ftp://host/unicorn",
            "https:///no-host", "http://exa mple.com/"})
    void failsNamingAVariableThatIsNotAnHttpUrl(String value) {
        assertThatIllegalStateException()
                .isThrownBy(() -> Configuration.fromEnvironment(
                        Map.of("REQUEST_UNICORN_URL", value, "RIDE_RECORD_URL", RECORD)::get))
                .withMessage("Environment variable REQUEST_UNICORN_URL must be an http or https URL of the fleet's"
                        + " GET /unicorn endpoint, got '" + value + "'");
    }

    @Test
    void theRuntimeConstructorFailsFastWithoutConfiguration() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new RequestRideHandler(Map.of("RIDE_RECORD_URL", RECORD)::get))
                .withMessageContaining("REQUEST_UNICORN_URL");
    }
}
