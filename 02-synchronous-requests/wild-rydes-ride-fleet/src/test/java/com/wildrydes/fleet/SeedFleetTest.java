package com.wildrydes.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedFleetTest {

    @Test
    void theSeedFleetIsBucephalusShadowfaxAndRocinante() {
        var fleet = SeedFleet.load();

        assertThat(fleet).extracting(unicorn -> unicorn.name() + " " + unicorn.color())
                .containsExactly("Bucephalus Golden", "Shadowfax White", "Rocinante Yellow");
    }

    @Test
    void everySeedUnicornHasItsOwnCanonicalDeviceUuid() {
        var deviceIds = SeedFleet.load().stream().map(Unicorn::deviceId).toList();

        assertThat(deviceIds).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
    }

    @ParameterizedTest
    @CsvSource({
            "/seed/missing-color.json, Color",
            "/seed/not-json.json,      not a list of unicorns",
            "/seed/empty.json,         non-empty JSON array",
            "/seed/absent.json,        missing from the function artifact"})
    void aBrokenSeedFileIsRefusedNamingTheProblem(String resource, String problem) {
        assertThatThrownBy(() -> SeedFleet.load(resource))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(resource)
                .hasMessageContaining(problem);
    }
}
