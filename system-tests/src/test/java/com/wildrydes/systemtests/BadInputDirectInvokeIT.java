package com.wildrydes.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Bad payloads for stage 02's fleet function, invoked directly as the rider's service does: a payload that is
 * not JSON is refused by the Invoke API with AWS's 400; any other bad payload is a function error whose type
 * and message name the problem, never a crash of the instance, and the fleet keeps answering afterwards.
 */
@DeployedStage("02-synchronous-requests")
class BadInputDirectInvokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SEED_FLEET = List.of("Bucephalus", "Shadowfax", "Rocinante");

    static Stream<Arguments> badPayloads() {
        return Stream.of(
                argumentSet("a JSON array", "[{}]", "a JSON object"),
                argumentSet("a JSON string", "\"Shadowfax\"", "a JSON object"),
                argumentSet("a number", "42", "a JSON object"),
                argumentSet("two documents", "{}{}", "a JSON object"),
                argumentSet("a payload over 64 KB", "{\"Pad\":\"" + "x".repeat(70_000) + "\"}", "over 65536 bytes"));
    }

    @ParameterizedTest
    @MethodSource("badPayloads")
    void aBadPayloadIsAFunctionErrorNamingTheProblem(String payload, String problem, RunningStage stage) throws Exception {
        InvokeResponse response = invoke(stage, payload);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(error.path("errorMessage").asText()).contains(problem);
        assertTheFleetStillAnswers(stage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "null", "{\"Name\":\"'; DROP TABLE Unicorns; --\",\"Color\":\"<script>\"}"})
    void anObjectEmptyOrNullPayloadGetsAUnicornAndItsMembersAreIgnored(String payload, RunningStage stage) throws Exception {
        // Accepted on purpose: nothing is chosen by the input yet, so its members cannot steer the fleet.
        InvokeResponse response = invoke(stage, payload);

        assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
        assertThat(JSON.readTree(response.payload().asUtf8String()).path("Name").asText()).isIn(SEED_FLEET);
    }

    @Test
    void aPayloadThatIsNotJsonIsRefusedByTheInvokeApiAsAwsRefusesIt(RunningStage stage) throws Exception {
        assertThatThrownBy(() -> invoke(stage, "pick me a unicorn"))
                .isInstanceOfSatisfying(InvalidRequestContentException.class, refused -> {
                    assertThat(refused.statusCode()).isEqualTo(400);
                    assertThat(refused.getMessage()).contains("Could not parse request body into json");
                });
        assertTheFleetStillAnswers(stage);
    }

    private static InvokeResponse invoke(RunningStage stage, String payload) {
        String function = stage.functionName("wild-rydes-ride-fleet", "RequestUnicornInvoke");
        return stage.lambda().invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
    }

    private static void assertTheFleetStillAnswers(RunningStage stage) throws Exception {
        InvokeResponse after = invoke(stage, "{}");
        assertThat(after.functionError()).isNull();
        assertThat(JSON.readTree(after.payload().asUtf8String()).path("Name").asText()).isIn(SEED_FLEET);
    }
}
