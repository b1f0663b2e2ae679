package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonCodecTest {

    private static final Ride RIDE = new Ride(
            UUID.fromString("0b7c3f1e-6d2a-4c8b-9e5f-1a2b3c4d5e6f"),
            new Unicorn("Bucephalus", "Golden", "5e1c8a2f-3b7d-4f90-8c6e-2d4a6b8c0e1f"),
            Instant.parse("2026-11-27T09:41:07.123Z"),
            new PickupLocation(47.6174755835663, -122.28837066650185));

    @Test
    void writesARideWithTheContractsFieldNamesAndOrder() {
        assertThat(JsonCodec.toJson(RIDE)).isEqualTo("""
                {"RideId":"0b7c3f1e-6d2a-4c8b-9e5f-1a2b3c4d5e6f",\
                "Unicorn":{"Name":"Bucephalus","Color":"Golden","DeviceId":"5e1c8a2f-3b7d-4f90-8c6e-2d4a6b8c0e1f"},\
                "RequestTime":"2026-11-27T09:41:07.123Z",\
                "PickupLocation":{"Latitude":47.6174755835663,"Longitude":-122.28837066650185}}""");
    }

    @Test
    void writesRequestTimeWithMillisecondsEvenOnAWholeSecond() {
        Ride onTheSecond = new Ride(RIDE.rideId(), RIDE.unicorn(), Instant.parse("2026-11-27T09:41:07Z"),
                RIDE.pickupLocation());

        assertThat(JsonCodec.toJson(onTheSecond)).contains("\"RequestTime\":\"2026-11-27T09:41:07.000Z\"");
    }

    @Test
    void leavesCharactersThatAreSafeInJsonUnescaped() {
        Ride ride = new Ride(RIDE.rideId(), new Unicorn("Rocinante <3", "Yellow & gold", "d'1"),
                RIDE.requestTime(), RIDE.pickupLocation());

        assertThat(JsonCodec.toJson(ride)).contains("\"Name\":\"Rocinante <3\"", "\"Color\":\"Yellow & gold\"",
                "\"DeviceId\":\"d'1\"");
    }

    @Test
    void writesAnErrorBody() {
        assertThat(JsonCodec.error("InvalidRequest", "PickupLocation is \"missing\""))
                .isEqualTo("{\"error\":\"InvalidRequest\",\"message\":\"PickupLocation is \\\"missing\\\"\"}");
    }

    @Test
    void readsAUnicornIgnoringMembersItDoesNotUse() {
        Unicorn unicorn = JsonCodec.toUnicorn(
                "{\"Name\":\"Shadowfax\",\"Color\":\"White\",\"DeviceId\":\"d-1\",\"Stable\":\"North\"}");

        assertThat(unicorn).isEqualTo(new Unicorn("Shadowfax", "White", "d-1"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            <html>oops</html>                                  | the body is not valid JSON
            ''                                                 | the body is not valid JSON
            ["Shadowfax"]                                      | expected a JSON object, got an array
            {"Color":"White","DeviceId":"d-1"}                 | Name is missing
            {"Name":7,"Color":"White","DeviceId":"d-1"}        | Name must be a string, got a number
            {"Name":"Shadowfax","Color":null,"DeviceId":"d-1"} | Color must be a string, got null
            {"Name":"Shadowfax","Color":"White","DeviceId":""} | DeviceId must not be empty
            """)
    void refusesAnythingButAUnicorn(String json, String problem) {
        assertThatIllegalArgumentException().isThrownBy(() -> JsonCodec.toUnicorn(json)).withMessage(problem);
    }

    @Test
    void findsTheMessageOfANeighboursErrorBodyOnlyWhenItHasOne() {
        assertThat(JsonCodec.errorMessage("{\"error\":\"ServiceUnavailable\",\"message\":\"No unicorn is free\"}"))
                .contains("No unicorn is free");
        assertThat(JsonCodec.errorMessage("{\"message\":42}")).isEmpty();
        assertThat(JsonCodec.errorMessage("Service Unavailable")).isEmpty();
        assertThat(JsonCodec.errorMessage("")).isEmpty();
    }
}
