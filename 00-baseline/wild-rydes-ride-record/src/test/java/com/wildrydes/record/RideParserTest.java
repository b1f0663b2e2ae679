package com.wildrydes.record;

import static com.wildrydes.record.Rides.SHADOWFAX_RIDE;
import static com.wildrydes.record.Rides.SHADOWFAX_RIDE_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RideParserTest {

    private final RideParser parser = new RideParser();

    /** The fixture ride with one piece of its JSON replaced; single quotes in the pieces stand for double. */
    private static String rideWith(String original, String replacement) {
        var json = original.replace('\'', '"');
        assertThat(SHADOWFAX_RIDE_JSON).contains(json);
        return SHADOWFAX_RIDE_JSON.replace(json, replacement.replace('\'', '"'));
    }

    @Test
    void readsTheContractsRide() {
        assertThat(parser.parse(SHADOWFAX_RIDE_JSON)).isEqualTo(SHADOWFAX_RIDE);
    }

    @Test
    void malformedJsonIsNamedWithWhereItBrokeAndNothingOfTheParser() {
        assertThatThrownBy(() -> parser.parse("{\"RideId\": \"truncated"))
                .isInstanceOf(InvalidRideException.class)
                .hasMessageStartingWith("The body is not valid JSON (at line 1, column ")
                .hasMessageNotContaining("gson")
                .hasMessageNotContaining("Strictness");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        var ride = parser.parse(rideWith("{'RideId'", "{'Fare': {'Amount': 12}, 'RideId'"));

        assertThat(ride).isEqualTo(SHADOWFAX_RIDE);
    }

    @Test
    void acceptsAnUppercaseUuid() {
        var ride = parser.parse(
                rideWith("3f1c2b7e-9a4d-4e8b-b2c6-5d7e8f9a0b1c", "3F1C2B7E-9A4D-4E8B-B2C6-5D7E8F9A0B1C"));

        assertThat(ride.rideId()).isEqualTo("3F1C2B7E-9A4D-4E8B-B2C6-5D7E8F9A0B1C");
    }

    @Test
    void readsAnInstantWrittenWithAnOffsetAsTheSameMoment() {
        var ride = parser.parse(rideWith("2026-11-27T09:41:07.123Z", "2026-11-27T10:41:07.123+01:00"));

        assertThat(ride.requestTime()).isEqualTo(Instant.parse("2026-11-27T09:41:07.123Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "Latitude": 47.60621     | "Latitude": 90         | 90.0
            "Latitude": 47.60621     | "Latitude": -90        | -90.0
            "Latitude": 47.60621     | "Latitude": 4.76e1     | 47.6
            "Longitude": -122.33207  | "Longitude": 180       | 180.0
            "Longitude": -122.33207  | "Longitude": -180.0    | -180.0
            """)
    void acceptsCoordinatesUpToTheirLimits(String original, String replacement, double expected) {
        var location = parser.parse(rideWith(original, replacement)).pickupLocation();

        assertThat(original.contains("Latitude") ? location.latitude() : location.longitude()).isEqualTo(expected);
    }

    /** Each case: the fixture JSON to replace, its replacement, and how the refusal must begin. */
    static Stream<Arguments> brokenFields() {
        return Stream.of(
                Arguments.of("'RideId': '3f1c2b7e-9a4d-4e8b-b2c6-5d7e8f9a0b1c',", "",
                        "RideId is required"),
                Arguments.of("'3f1c2b7e-9a4d-4e8b-b2c6-5d7e8f9a0b1c'", "42",
                        "RideId must be a string, not a number"),
                Arguments.of("'3f1c2b7e-9a4d-4e8b-b2c6-5d7e8f9a0b1c'", "'1-1-1-1-1'",
                        "RideId must be a UUID"),
                Arguments.of("'3f1c2b7e-9a4d-4e8b-b2c6-5d7e8f9a0b1c'", "'3f1c2b7e9a4d4e8bb2c65d7e8f9a0b1c'",
                        "RideId must be a UUID"),
                Arguments.of("'Unicorn': {", "'Unicorn': null, 'X': {",
                        "Unicorn is required"),
                Arguments.of("'Unicorn': {", "'Unicorn': ['Shadowfax'], 'X': {",
                        "Unicorn must be an object with Name, Color and DeviceId, not an array"),
                Arguments.of("'Name': 'Shadowfax'", "'Name': '  '",
                        "Unicorn.Name must not be empty"),
                Arguments.of("'Color': 'White'", "'Color': true",
                        "Unicorn.Color must be a string, not a boolean"),
                Arguments.of("'DeviceId': 'f15adbd8-793d-4698-b68d-bd02e8bf2596'", "'Device': 'x'",
                        "Unicorn.DeviceId is required"),
                Arguments.of("'2026-11-27T09:41:07.123Z'", "'2026-11-27'",
                        "RequestTime must be an ISO-8601 UTC instant"),
                Arguments.of("'2026-11-27T09:41:07.123Z'", "1795772467123",
                        "RequestTime must be a string, not a number"),
                Arguments.of("'PickupLocation': {", "'PickupLocation': 'Seattle', 'X': {",
                        "PickupLocation must be an object with Latitude and Longitude, not a string"),
                Arguments.of("'Latitude': 47.60621", "'Latitude': '47.60621'",
                        "PickupLocation.Latitude must be a number from -90 to 90, not a string"),
                Arguments.of("'Latitude': 47.60621", "'Latitude': 90.000001",
                        "PickupLocation.Latitude must be a number from -90 to 90, not 90.000001"),
                Arguments.of("'Latitude': 47.60621", "'Latitude': 1e999",
                        "PickupLocation.Latitude must be a number from -90 to 90, not 1e999"),
                Arguments.of("'Latitude': 47.60621", "'Latitude': null",
                        "PickupLocation.Latitude is required"),
                Arguments.of("'Longitude': -122.33207", "'Longitude': -180.5",
                        "PickupLocation.Longitude must be a number from -180 to 180, not -180.5"),
                Arguments.of("'Longitude': -122.33207", "'Longitude': {}",
                        "PickupLocation.Longitude must be a number from -180 to 180, not an object"));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("brokenFields")
    void refusesABrokenFieldNamingIt(String original, String replacement, String expectedMessage) {
        assertThatThrownBy(() -> parser.parse(rideWith(original, replacement)))
                .isInstanceOfSatisfying(InvalidRideException.class, invalid -> {
                    assertThat(invalid.error()).isEqualTo("InvalidRide");
                    assertThat(invalid.getMessage()).startsWith(expectedMessage);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"RideId\": ",
            "{\"RideId\": NaN}",
            "{'RideId': 'single quotes'}",
            "{RideId: \"unquoted name\"}",
            "{} {}",
            "{\"RideId\": \"x\"} // a comment",
            "[1, 2]",
            "\"just a string\"",
            "null"})
    void refusesWhatIsNotAJsonObject(String body) {
        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(InvalidRideException.class, invalid -> {
                    assertThat(invalid.error()).isEqualTo("MalformedJson");
                    assertThat(invalid.getMessage()).startsWith("The body ").doesNotContain("https://");
                });
    }
}
