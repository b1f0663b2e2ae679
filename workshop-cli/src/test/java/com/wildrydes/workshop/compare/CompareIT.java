package com.wildrydes.workshop.compare;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs compare on stages 00 and 01 with a few rides and checks the per-ride counts their architectures imply. */
class CompareIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void countsWhatEachArchitectureImpliesPerRide() throws Exception {
        for (String stage : List.of("00-baseline", "01-asynchronous-event-driven")) {
            assumeTrue(Files.isRegularFile(ROOT.resolve(stage).resolve("wild-rydes/target/wild-rydes.jar")),
                    "package " + stage + " first: ./mvnw -B -ntp package -DskipTests -f " + stage + "/pom.xml");
        }
        CompareSettings settings = CompareSettings.parse(List.of("--rides", "5", "--warmup", "10", "--stages", "00,01"), ROOT);
        CompareResult result = CompareCommand.compare(settings, CompareCommand.stages(ROOT, settings.stages()),
                new CompareCommand.ConsoleProgress(System.out));

        Map<String, StageMeasurement> stages = result.stages().stream()
                .collect(Collectors.toMap(StageMeasurement::number, s -> s));
        StageMeasurement baseline = stages.get("00");
        assertThat(baseline.failure()).isNull();
        assertThat(baseline.lost()).isZero();
        assertThat(baseline.perRide().apiGatewayRequests()).isEqualTo(3);
        assertThat(baseline.perRide().lambdaInvocations()).isEqualTo(3);
        assertThat(baseline.perRide().snsPublishes()).isZero();
        assertThat(baseline.perRide().dynamoDbWrites()).isEqualTo(1);
        assertThat(baseline.criticalPath()).contains("PutRideRecord");

        StageMeasurement async = stages.get("01");
        assertThat(async.failure()).isNull();
        assertThat(async.lost()).isZero();
        assertThat(async.perRide().apiGatewayRequests()).isEqualTo(2);
        assertThat(async.perRide().lambdaInvocations()).isEqualTo(3);
        assertThat(async.perRide().snsPublishes()).isEqualTo(1);
        assertThat(async.criticalPath()).endsWith("SNS Publish").doesNotContain("RecordRide");
        assertThat(result.targets()).hasSize(1);
    }
}
