package com.wildrydes.fleet;

import static com.wildrydes.fleet.FakeDynamoDb.unicornItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestUnicornInvokeHandlerTest {

    private static final String TABLE = "wild-rydes-ride-fleet-UnicornsTable-1RX3K8QZ7T2M";

    private final FakeDynamoDb dynamoDb = new FakeDynamoDb().withScanPage(List.of(
            unicornItem("Bucephalus", "Golden", "a5386b78-c840-4414-b79d-6e85165fc2d4"),
            unicornItem("Shadowfax", "White", "f15adbd8-793d-4698-b68d-bd02e8bf2596")));
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private static RequestUnicornInvokeHandler handlerOver(FakeDynamoDb dynamoDb) {
        return new RequestUnicornInvokeHandler(
                new UnicornDispatcher(new DynamoDbUnicornFleet(dynamoDb, TABLE), new SplittableRandom(7)));
    }

    private void invoke(RequestUnicornInvokeHandler handler, String input) throws IOException {
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, null);
    }

    private JsonObject answer() {
        return JsonParser.parseString(output.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void answersWithTheUnicornItselfInTheContractsShape() throws IOException {
        invoke(handlerOver(dynamoDb), "{}");

        var unicorn = answer();
        assertThat(unicorn.keySet()).containsExactly("Name", "Color", "DeviceId");
        assertThat(unicorn.get("Name").getAsString() + "/" + unicorn.get("Color").getAsString() + "/"
                + unicorn.get("DeviceId").getAsString())
                .isIn("Bucephalus/Golden/a5386b78-c840-4414-b79d-6e85165fc2d4",
                        "Shadowfax/White/f15adbd8-793d-4698-b68d-bd02e8bf2596");
        assertThat(dynamoDb.scans).singleElement().extracting(scan -> scan.tableName()).isEqualTo(TABLE);
    }

    @Test
    void writesExactlyWhatGetUnicornAnswersForTheSameUnicorn() throws IOException {
        var onlyOne = new FakeDynamoDb().withScanPage(
                List.of(unicornItem("Rocinante", "Yellow", "81af4b47-f7da-4fda-bf26-a64ec6928ae9")));

        invoke(handlerOver(onlyOne), "{}");

        assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo(ApiResponses.json(200,
                new Unicorn("Rocinante", "Yellow", "81af4b47-f7da-4fda-bf26-a64ec6928ae9")).getBody());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n", "null", "{\"RideId\": \"0b7c3f1e-6d2a-4c8b-9e5f-1a2b3c4d5e6f\", \"X\": [1]}"})
    void takesAnyObjectOrNoInputAtAll(String input) throws IOException {
        invoke(handlerOver(dynamoDb), input);

        assertThat(answer().keySet()).containsExactly("Name", "Color", "DeviceId");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            [{}]             | The input must be a JSON object, such as {}, not an array
            "a unicorn"      | The input must be a JSON object, such as {}, not a string
            42               | The input must be a JSON object, such as {}, not a number
            {unquoted: true} | The input is not valid JSON; send a JSON object, such as {}
            {} {}            | The input is not valid JSON; send a JSON object, such as {}
            """)
    void refusesAnInputThatIsNotAJsonObjectAndReadsNoTable(String input, String problem) {
        assertThatThrownBy(() -> invoke(handlerOver(dynamoDb), input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(problem);
        assertThat(dynamoDb.scans).isEmpty();
        assertThat(output.size()).isZero();
    }

    @Test
    void refusesAnInputOver64Kilobytes() {
        var input = "{\"Note\": \"" + "x".repeat(RequestUnicornInvokeHandler.MAX_INPUT_BYTES) + "\"}";

        assertThatThrownBy(() -> invoke(handlerOver(dynamoDb), input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The input is over 65536 bytes");
    }

    @Test
    void anEmptyFleetIsATypedErrorNotAnEmptyAnswer() {
        assertThatThrownBy(() -> invoke(handlerOver(new FakeDynamoDb().withScanPage(List.of())), "{}"))
                .isInstanceOf(NoUnicornAvailableException.class)
                .hasMessage("No unicorn is available: the fleet is empty.");
        assertThat(output.size()).isZero();
    }

    @Test
    void anUnreadableTableIsFleetUnavailableWithoutItsInternals() {
        var unreachable = FakeDynamoDb.unreachable();

        assertThatThrownBy(() -> invoke(handlerOver(new FakeDynamoDb().failingWith(unreachable)), "{}"))
                .isInstanceOf(FleetUnavailableException.class)
                .hasMessage("The unicorn fleet could not be read just now; try again shortly.")
                .hasCause(unreachable);
    }

    @Test
    void anUnexpectedFailureReachesTheRuntimeAsItIs() {
        var bug = new IllegalStateException("boom");

        assertThatThrownBy(() -> invoke(handlerOver(new FakeDynamoDb().failingWith(bug)), "{}")).isSameAs(bug);
    }
}
