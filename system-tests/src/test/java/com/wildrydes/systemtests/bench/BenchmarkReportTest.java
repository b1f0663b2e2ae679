package com.wildrydes.systemtests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkReportTest {

    private final BenchmarkReport report = new BenchmarkReport(
            Instant.parse("2026-11-27T12:00:00Z"), Duration.ofMillis(123_400),
            new Machine(2, "Linux 6.1 amd64", "Temurin 25", "0.50 0.40 0.30"), "1.00 0.80 0.60",
            Map.of("cold start samples", "5"),
            List.of(
                    new Result("Cold start", "RequestUnicorn | cold", "hello world", 400, 1000, "ms", new Budget.MaxRatio(1.5), "SDK classes"),
                    new Result("Artifact size", "fleet.jar", "-", Double.NaN, 7.5, "MB", new Budget.MaxValue(8, "MB"), ""),
                    new Result("Per-hop overhead", "hello", "in-process", Double.NaN, Double.NaN, "ms", new Budget.MaxDifference(1, "ms"), "failed")));

    @Test
    void markdownStatesWhenWhereAndWithWhatItWasMeasured() {
        String md = report.markdown();

        assertThat(md).contains("2026-11-27T12:00:00Z", "2 cores, Linux 6.1 amd64", "Temurin 25",
                "0.50 0.40 0.30 at the start, 1.00 0.80 0.60 at the end", "123.4 s", "- cold start samples: 5");
    }

    @Test
    void markdownHasOneRowPerResultWithItsVerdictAndEscapedPipes() {
        List<String> rows = report.markdown().lines().filter(l -> l.startsWith("| ")).toList();

        assertThat(rows).hasSize(2 + 3);
        assertThat(rows.get(2)).contains("RequestUnicorn \\| cold", "hello world 400.0 ms", "1000 ms", "2.50×", "≤ 1.50×", "MISS");
        assertThat(rows.get(3)).contains("7.50 MB", "≤ 8.00 MB", "PASS");
        assertThat(rows.get(4)).contains("NOT_MEASURED");
        assertThat(report.markdown()).contains("- **RequestUnicorn | cold**: SDK classes").doesNotContain("**fleet.jar**");
    }

    @Test
    void jsonCarriesEveryFigureWithNullForWhatWasNotMeasured() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report.json());

        assertThat(json.get("durationSeconds").asDouble()).isEqualTo(123.4);
        assertThat(json.get("machine").get("cores").asInt()).isEqualTo(2);
        JsonNode cold = json.get("results").get(0);
        assertThat(cold.get("ratio").asDouble()).isEqualTo(2.5);
        assertThat(cold.get("difference").asDouble()).isEqualTo(600.0);
        assertThat(cold.get("verdict").asText()).isEqualTo("MISS");
        assertThat(json.get("results").get(1).get("baseline").isNull()).isTrue();
        assertThat(json.get("results").get(2).get("measured").isNull()).isTrue();
    }

    @Test
    void tableAlignsItsColumns() {
        List<String> lines = report.table().lines().toList();

        assertThat(lines).hasSize(2 + 3);
        int verdictColumn = lines.get(0).indexOf("Verdict");
        assertThat(lines.get(2).indexOf("MISS")).isEqualTo(verdictColumn);
        assertThat(lines.get(3).indexOf("PASS")).isEqualTo(verdictColumn);
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    @Test
    void countsMisses() {
        assertThat(report.misses()).isEqualTo(1);
    }

    @Test
    void writesBothFiles(@TempDir Path dir) throws Exception {
        Path markdown = report.write(dir.resolve("out"));

        assertThat(markdown).hasFileName(BenchmarkReport.MARKDOWN).content().isEqualTo(report.markdown());
        assertThat(Files.readString(dir.resolve("out").resolve(BenchmarkReport.JSON))).isEqualTo(report.json());
    }
}
