package com.wildrydes.workshop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadSettingsTest {

    private static final String RIDE_URL = "http://127.0.0.1:4566/restapis/abc/Prod/ride";

    @Test
    void defaultsTo100RidesPerSecondFor60SecondsAfterA20SecondWarmup() {
        LoadSettings settings = LoadSettings.from(Map.of("--url", RIDE_URL));

        assertThat(settings.ridesPerSecond()).isEqualTo(100);
        assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.warmup()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.schedule().measuredRides()).isEqualTo(6_000);
        assertThat(settings.recordTable()).isEmpty();
    }

    @Test
    void spreadsTheRidesEvenlyOverEachSecond() {
        RideSchedule schedule = LoadSettings.from(Map.of("--url", RIDE_URL, "--rate", "4", "--duration", "2",
                "--warmup", "0")).schedule();

        assertThat(schedule.warmupRides()).isZero();
        assertThat(schedule.dueNanos()).containsExactly(0L, 250_000_000L, 500_000_000L, 750_000_000L,
                1_000_000_000L, 1_250_000_000L, 1_500_000_000L, 1_750_000_000L);
    }

    @Test
    void rampsUpSecondBySecondToTheRateBeforeTheMeasuredRun() {
        RideSchedule schedule = LoadSettings.from(Map.of("--url", RIDE_URL, "--rate", "4", "--duration", "1",
                "--warmup", "4")).schedule();

        // 1, 2, 3 then 4 rides in the warm-up's four seconds, then 4 measured rides in the fifth.
        assertThat(schedule.warmupRides()).isEqualTo(10);
        assertThat(schedule.measuredRides()).isEqualTo(4);
        assertThat(schedule.dueNanos()).startsWith(0L, 1_000_000_000L, 1_500_000_000L, 2_000_000_000L);
        assertThat(schedule.dueNanos()).endsWith(4_000_000_000L, 4_250_000_000L, 4_500_000_000L, 4_750_000_000L);
        assertThat(schedule.isWarmup(9)).isTrue();
        assertThat(schedule.isWarmup(10)).isFalse();
        assertThat(schedule.dueNanos()).isSorted();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:4566/ride", "http://[::1]:4566/ride", "https://127.0.0.1/ride"})
    void acceptsLoopbackUrls(String url) {
        assertThat(LoadSettings.from(Map.of("--url", url)).rideUrl().toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://abc.execute-api.us-east-1.amazonaws.com/Prod/ride", "http://10.0.0.5:4566/ride",
            "http://127.0.0.2:4566/ride", "http://localhost.example.com/ride", "http://0.0.0.0:4566/ride"})
    void refusesAnythingButThisMachine(String url) {
        assertThatThrownBy(() -> LoadSettings.from(Map.of("--url", url)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only sends rides to this machine");
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> LoadSettings.from(Map.of("--url", "file:///etc/passwd")))
                .hasMessageContaining("must be an http URL");
    }

    @Test
    void capsTheRateTheDurationTheGraceAndTheWarmup() {
        assertThatThrownBy(() -> LoadSettings.from(Map.of("--url", RIDE_URL, "--rate", "501")))
                .hasMessageContaining("--rate must be between 1 and 500");
        assertThatThrownBy(() -> LoadSettings.from(Map.of("--url", RIDE_URL, "--rate", "0")))
                .hasMessageContaining("--rate must be between 1 and 500");
        assertThatThrownBy(() -> LoadSettings.from(Map.of("--url", RIDE_URL, "--duration", "301")))
                .hasMessageContaining("--duration must be between 1 and 300");
        assertThatThrownBy(() -> LoadSettings.from(Map.of("--url", RIDE_URL, "--grace", "121")))
                .hasMessageContaining("--grace must be between 0 and 120");
        assertThatThrownBy(() -> LoadSettings.from(Map.of("--url", RIDE_URL, "--warmup", "121")))
                .hasMessageContaining("--warmup must be between 0 and 120");
        assertThatThrownBy(() -> LoadSettings.from(Map.of("--url", RIDE_URL, "--warmup", "-1")))
                .hasMessageContaining("--warmup must be between 0 and 120");
    }

    @Test
    void namesAFlagThatIsNotANumber() {
        assertThatThrownBy(() -> LoadSettings.from(Map.of("--url", RIDE_URL, "--rate", "fast")))
                .hasMessage("--rate must be a whole number, not 'fast'");
    }

    @Test
    void needsAUrl() {
        assertThatThrownBy(() -> LoadSettings.from(Map.of())).hasMessageContaining("load needs --url");
    }
}
