package com.wildrydes.systemtests.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's results with what they were measured on: printed as a table, written as
 * {@code benchmarks.md} for people and {@code benchmarks.json} for tools.
 */
record BenchmarkReport(Instant startedAt, Duration took, Machine machine, String loadAtEnd,
                       Map<String, String> parameters, List<Result> results) {

    static final String MARKDOWN = "benchmarks.md";
    static final String JSON = "benchmarks.json";

    private static final List<String> COLUMNS = List.of("Benchmark", "Subject", "Baseline", "Measured", "Result", "Budget", "Verdict");

    BenchmarkReport {
        parameters = Map.copyOf(new LinkedHashMap<>(parameters));
        results = List.copyOf(results);
    }

    long misses() {
        return results.stream().filter(r -> r.verdict() == Verdict.MISS).count();
    }

    /** Writes both files into {@code directory}, creating it, and returns the Markdown one. */
    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(JSON), json());
        return Files.writeString(directory.resolve(MARKDOWN), markdown());
    }

    /** A plain-text table for the console, columns padded to their widest cell. */
    String table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        rows.add(null);
        results.forEach(r -> rows.add(cells(r)));
        int[] widths = new int[COLUMNS.size()];
        rows.stream().filter(java.util.Objects::nonNull).forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = row == null ? "-".repeat(widths[i]) : row.get(i);
                line.append(i == 0 ? "" : "  ").append(cell).append(" ".repeat(widths[i] - cell.length()));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("- Date: ").append(startedAt).append('\n');
        md.append("- Machine: ").append(machine.cores()).append(" cores, ").append(machine.os()).append('\n');
        md.append("- JDK: ").append(machine.jdk()).append('\n');
        md.append("- Load average (1, 5, 15 min): ").append(machine.loadAverage()).append(" at the start, ")
                .append(loadAtEnd).append(" at the end\n");
        md.append("- Run took: ").append(String.format(java.util.Locale.ROOT, "%.1f s", took.toMillis() / 1000.0)).append('\n');
        md.append("\n## Parameters\n\n");
        parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        md.append("\n## Results\n\n");
        md.append(row(COLUMNS)).append(row(COLUMNS.stream().map(c -> "---").toList()));
        results.forEach(r -> md.append(row(cells(r))));
        List<Result> noted = results.stream().filter(r -> !r.note().isBlank()).toList();
        if (!noted.isEmpty()) {
            md.append("\n## Notes\n\n");
            noted.forEach(r -> md.append("- **").append(r.subject()).append("**: ").append(r.note()).append('\n'));
        }
        return md.toString();
    }

    String json() throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("date", startedAt.toString());
        document.put("durationSeconds", took.toMillis() / 1000.0);
        document.put("machine", machine);
        document.put("loadAverageAtEnd", loadAtEnd);
        document.put("parameters", parameters);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("section", r.section());
            row.put("subject", r.subject());
            row.put("baselineName", r.baselineName());
            row.put("baseline", finite(r.baseline()));
            row.put("measured", finite(r.measured()));
            row.put("unit", r.unit());
            row.put("ratio", finite(r.ratio()));
            row.put("difference", finite(r.difference()));
            row.put("budget", r.budget().describe());
            row.put("verdict", r.verdict().name());
            row.put("note", r.note());
            rows.add(row);
        }
        document.put("results", rows);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
    }

    /** JSON has no NaN: a value that was not measured is null. */
    private static Double finite(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    private static List<String> cells(Result r) {
        String baseline = r.hasBaseline() ? r.baselineName() + " " + Numbers.format(r.baseline()) + " " + r.unit() : r.baselineName();
        return List.of(r.section(), r.subject(), baseline, Numbers.format(r.measured()) + " " + r.unit(), r.comparison(),
                r.budget().describe(), r.verdict().name());
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()) + " |\n";
    }
}
