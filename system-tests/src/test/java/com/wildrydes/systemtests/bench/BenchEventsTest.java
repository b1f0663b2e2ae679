package com.wildrydes.systemtests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLoadOfARideEventIsANewRide() throws Exception {
        String first = rideId(BenchEvents.load(BenchEvents.RIDE_REQUESTED));
        String second = rideId(BenchEvents.load(BenchEvents.RIDE_REQUESTED));

        assertThat(UUID.fromString(first)).isNotEqualTo(UUID.fromString(second));
    }

    @Test
    void theRecordEventCarriesAValidRideInItsBody() throws Exception {
        JsonNode event = JSON.readTree(BenchEvents.load(BenchEvents.POST_RECORD));
        JsonNode ride = JSON.readTree(event.get("body").asText());

        assertThat(event.get("httpMethod").asText()).isEqualTo("POST");
        assertThat(UUID.fromString(ride.get("RideId").asText())).isNotNull();
        assertThat(ride.get("Unicorn").get("Name").asText()).isEqualTo("Shadowfax");
    }

    @Test
    void everyFixtureIsJson() throws Exception {
        for (String name : new String[]{BenchEvents.POST_RIDE, BenchEvents.GET_UNICORN, BenchEvents.POST_RECORD,
                BenchEvents.RIDE_REQUESTED, BenchEvents.GET_HELLO}) {
            assertThat(JSON.readTree(BenchEvents.load(name)).isObject()).as(name).isTrue();
        }
    }

    @Test
    void aMissingFixtureIsNamed() {
        assertThatThrownBy(() -> BenchEvents.load("nope.json")).hasMessageContaining("bench/events/nope.json");
    }

    private static String rideId(byte[] snsEvent) throws Exception {
        String message = JSON.readTree(snsEvent).get("Records").get(0).get("Sns").get("Message").asText();
        return JSON.readTree(message).get("RideId").asText();
    }
}
