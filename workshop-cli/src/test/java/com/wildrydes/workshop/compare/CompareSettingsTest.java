package com.wildrydes.workshop.compare;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompareSettingsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsAreTwoHundredRidesOneAtATimeIntoTargetCompare() {
        CompareSettings settings = CompareSettings.parse(List.of(), ROOT);

        assertThat(settings.rides()).isEqualTo(200);
        assertThat(settings.concurrency()).isEqualTo(1);
        assertThat(settings.outDir()).isEqualTo(Path.of("/repo/target/compare"));
        assertThat(settings.awsLatency()).isFalse();
        assertThat(settings.ridesPerMonth()).isEqualTo(10_000_000L);
        assertThat(settings.stages()).isEmpty();
    }

    @Test
    void readsEveryOption() {
        CompareSettings settings = CompareSettings.parse(List.of("--rides", "20", "--concurrency", "4", "--out", "reports",
                "--latency", "aws", "--volume", "5000", "--stages", "00,02", "--no-build"), ROOT);

        assertThat(settings.rides()).isEqualTo(20);
        assertThat(settings.concurrency()).isEqualTo(4);
        assertThat(settings.outDir()).isEqualTo(Path.of("/repo/reports"));
        assertThat(settings.awsLatency()).isTrue();
        assertThat(settings.ridesPerMonth()).isEqualTo(5000);
        assertThat(settings.stages()).containsExactly("00", "02");
    }

    @Test
    void warmUpIsAsLongAsTheRunAndNeverFewerThan1000UnlessAsked() {
        assertThat(CompareSettings.parse(List.of("--rides", "20"), ROOT).warmupRides()).isEqualTo(1000);
        assertThat(CompareSettings.parse(List.of("--rides", "2000"), ROOT).warmupRides()).isEqualTo(2000);
        assertThat(CompareSettings.parse(List.of("--rides", "20", "--warmup", "5"), ROOT).warmupRides()).isEqualTo(5);
        assertThatThrownBy(() -> CompareSettings.parse(List.of("--warmup", "0"), ROOT))
                .hasMessageContaining("--warmup must be between 1 and 10000");
    }

    @Test
    void ridesAndConcurrencyAreBounded() {
        assertThat(CompareSettings.parse(List.of("--rides", "1", "--concurrency", "64"), ROOT).rides()).isEqualTo(1);
        assertThat(CompareSettings.parse(List.of("--rides", "10000"), ROOT).rides()).isEqualTo(10000);
        assertThatThrownBy(() -> CompareSettings.parse(List.of("--rides", "0"), ROOT))
                .hasMessage("--rides must be between 1 and 10000, not 0");
        assertThatThrownBy(() -> CompareSettings.parse(List.of("--rides", "10001"), ROOT))
                .hasMessage("--rides must be between 1 and 10000, not 10001");
        assertThatThrownBy(() -> CompareSettings.parse(List.of("--rides", "99999999999999999999"), ROOT))
                .hasMessageContaining("--rides must be");
        assertThatThrownBy(() -> CompareSettings.parse(List.of("--concurrency", "65"), ROOT))
                .hasMessage("--concurrency must be between 1 and 64, not 65");
        assertThatThrownBy(() -> CompareSettings.parse(List.of("--volume", "0"), ROOT))
                .hasMessageContaining("--volume must be between 1 and");
    }

    @Test
    void refusesWhatItDoesNotKnowAndNamesWhatItDoes() {
        assertThatThrownBy(() -> CompareSettings.parse(List.of("--ridez", "20"), ROOT))
                .hasMessage("unknown option '--ridez'; the options are: --rides, --concurrency, --out, --latency, --volume, "
                        + "--stages, --warmup, --no-build");
        assertThatThrownBy(() -> CompareSettings.parse(List.of("--latency", "gcp"), ROOT))
                .hasMessageContaining("--latency supports only 'aws'");
        assertThatThrownBy(() -> CompareSettings.parse(List.of("--rides", "many"), ROOT))
                .hasMessage("--rides takes a whole number, not 'many'");
        assertThatThrownBy(() -> CompareSettings.parse(List.of("--rides"), ROOT)).hasMessage("--rides needs a value");
        assertThatThrownBy(() -> CompareSettings.parse(List.of("--stages", "1"), ROOT)).hasMessageContaining("'1' is not one");
    }
}
