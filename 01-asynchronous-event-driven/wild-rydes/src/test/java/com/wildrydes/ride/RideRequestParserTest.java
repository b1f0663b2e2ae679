package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RideRequestParserTest {

    @ParameterizedTest(name = "({0}, {1})")
    @CsvSource({"-90, -180", "90, 180", "0, 0", "-0.0, 1e-7", "47.6174755835663, -122.28837066650185"})
    void acceptsEveryCoordinateOnOrInsideTheLimits(double latitude, double longitude) {
        String body = "{\"PickupLocation\":{\"Latitude\":" + latitude + ",\"Longitude\":" + longitude + "}}";

        assertThat(RideRequestParser.parse(post(body))).isEqualTo(new PickupLocation(latitude, longitude));
    }

    @Test
    void acceptsIntegersAndExponentsAsNumbers() {
        assertThat(RideRequestParser.parse(post("{\"PickupLocation\":{\"Latitude\":47,\"Longitude\":-1.2e2}}")))
                .isEqualTo(new PickupLocation(47, -120));
    }

    @Test
    void acceptsABodyOfExactly64Kb() {
        String json = "{\"PickupLocation\":{\"Latitude\":1,\"Longitude\":2}}";
        String body = json + " ".repeat(RideRequestParser.MAX_BODY_BYTES - json.length());

        assertThat(RideRequestParser.parse(post(body))).isEqualTo(new PickupLocation(1, 2));
    }

    @Test
    void countsTheLimitInUtf8BytesNotCharacters() {
        // 22,000 three-byte characters: well under 64 K characters, over 64 KB on the wire.
        String body = "{\"PickupLocation\":{\"Latitude\":1,\"Longitude\":2},\"Note\":\"" + "€".repeat(22_000) + "\"}";

        InvalidRequestException refused = refused(post(body));

        assertThat(refused.status()).isEqualTo(413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON", "application/json;charset=utf-8",
            " application/json ; charset=UTF-8"})
    void acceptsJsonWhateverItsSpellingOrParameters(String contentType) {
        APIGatewayProxyRequestEvent request = post("{\"PickupLocation\":{\"Latitude\":1,\"Longitude\":2}}")
                .withHeaders(Map.of("content-type", contentType));

        assertThat(RideRequestParser.parse(request)).isEqualTo(new PickupLocation(1, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonx",
            "application/vnd.api+json", ""})
    void refusesAnyOtherContentTypeWith415(String contentType) {
        APIGatewayProxyRequestEvent request = post("{\"PickupLocation\":{\"Latitude\":1,\"Longitude\":2}}")
                .withHeaders(Map.of("Content-Type", contentType));

        InvalidRequestException refused = refused(request);

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.code()).isEqualTo("UnsupportedMediaType");
        assertThat(refused.getMessage()).contains("'" + contentType + "'", "send application/json");
    }

    @Test
    void findsTheContentTypeInMultiValueHeadersToo() {
        APIGatewayProxyRequestEvent request = post("{\"PickupLocation\":{\"Latitude\":1,\"Longitude\":2}}")
                .withHeaders(null)
                .withMultiValueHeaders(Map.of("CONTENT-TYPE", List.of("text/xml")));

        assertThat(refused(request).status()).isEqualTo(415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "post"})
    void refusesEveryMethodButPostWith405(String method) {
        APIGatewayProxyRequestEvent request = post("{}").withHttpMethod(method);

        InvalidRequestException refused = refused(request);

        assertThat(refused.status()).isEqualTo(405);
        assertThat(refused.getMessage()).startsWith("Method " + method + " is not supported");
    }

    @Test
    void refusesAnEventWithoutAMethod() {
        assertThat(refused(post("{}").withHttpMethod(null)).getMessage()).startsWith("Method (none)");
    }

    @Test
    void refusesABase64BodyThatIsNotUtf8() {
        APIGatewayProxyRequestEvent request = post("/w==").withIsBase64Encoded(true); // the single byte 0xFF

        assertThat(refused(request).getMessage()).isEqualTo("Request body is not valid UTF-8");
    }

    @Test
    void quotesNoLongValueBackToTheRider() {
        String longText = "x".repeat(500);
        String body = "{\"PickupLocation\":{\"Latitude\":\"" + longText + "\",\"Longitude\":2}}";

        assertThat(refused(post(body)).getMessage())
                .isEqualTo("PickupLocation.Latitude must be a number, got a string");
    }

    @Test
    void refusesNestingDeepEnoughToHurt() {
        String body = "[".repeat(10_000) + "]".repeat(10_000);

        assertThat(refused(post(body)).getMessage()).startsWith("Request body is not valid JSON");
    }

    private static InvalidRequestException refused(APIGatewayProxyRequestEvent request) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> RideRequestParser.parse(request));
        assertThat(refused).as("expected the request to be refused").isNotNull();
        return refused;
    }

    private static APIGatewayProxyRequestEvent post(String body) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body)
                .withIsBase64Encoded(false);
    }
}
