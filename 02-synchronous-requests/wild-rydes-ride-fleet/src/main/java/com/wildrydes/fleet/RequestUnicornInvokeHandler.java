package com.wildrydes.fleet;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * RequestUnicornInvoke: one unicorn of the fleet for callers inside AWS, who invoke this function directly (Lambda
 * Invoke) rather than through API Gateway. The input is a JSON object whose members are ignored, as there is
 * nothing to choose by yet; the output is the Unicorn itself, {"Name","Color","DeviceId"}, as GET /unicorn answers.
 *
 * <p>It streams rather than returning a value, so that the Unicorn is written by the same Gson mapping as GET
 * /unicorn's body; the runtime's own serializer would name the fields after the record's components (name, color).
 *
 * <p>A failure is an exception whose type the caller reads as the invoke's errorType:
 * {@link NoUnicornAvailableException} for an empty fleet, {@link FleetUnavailableException} when the table cannot
 * be read, IllegalArgumentException for an input that is not a JSON object.
 */
public final class RequestUnicornInvokeHandler implements RequestStreamHandler {

    static final int MAX_INPUT_BYTES = 64 * 1024;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final String EXPECTED_INPUT = "a JSON object, such as {}";

    private final UnicornDispatcher dispatcher;

    public RequestUnicornInvokeHandler() {
        this(UnicornDispatchers.fromEnvironment(RequiredEnvironment.ofSystem()));
    }

    public RequestUnicornInvokeHandler(UnicornDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        requireJsonObject(input.readNBytes(MAX_INPUT_BYTES + 1));
        output.write(GSON.toJson(pickOne()).getBytes(StandardCharsets.UTF_8));
    }

    private Unicorn pickOne() {
        try {
            return dispatcher.pickOne().orElseThrow(NoUnicornAvailableException::new);
        } catch (SdkException fleetUnreadable) {
            FunctionLog.failure("Reading the fleet failed", fleetUnreadable);
            throw new FleetUnavailableException(fleetUnreadable);
        }
    }

    /** An invoke without a payload (empty, or null) asks for a unicorn all the same. */
    private static void requireJsonObject(byte[] input) {
        if (input.length > MAX_INPUT_BYTES) {
            throw new IllegalArgumentException("The input is over " + MAX_INPUT_BYTES + " bytes; send "
                    + EXPECTED_INPUT);
        }
        var text = new String(input, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return;
        }
        JsonElement request;
        try {
            var reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            request = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("more follows the first value");
            }
        } catch (JsonParseException | IOException | IllegalStateException notJson) {
            throw new IllegalArgumentException("The input is not valid JSON; send " + EXPECTED_INPUT);
        }
        if (!request.isJsonObject() && !request.isJsonNull()) {
            throw new IllegalArgumentException("The input must be " + EXPECTED_INPUT + ", not " + kindOf(request));
        }
    }

    private static String kindOf(JsonElement value) {
        if (value.isJsonArray()) {
            return "an array";
        }
        var primitive = value.getAsJsonPrimitive();
        return primitive.isNumber() ? "a number" : primitive.isBoolean() ? "a boolean" : "a string";
    }
}
