package com.wildrydes.systemtests.bench;

import com.wildrydes.workshop.compare.Percentiles;
import com.wildrydes.localcloud.lambda.AsyncConfig;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.LambdaService;
import com.wildrydes.systemtests.bench.functions.DynamoDbGetItem;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the JIT and the HTTP client shape a cold start: a function that builds a DynamoDB client and
 * reads one item, started with the runtime's default C1-only JIT or full tiered compilation (through
 * {@code JAVA_TOOL_OPTIONS}, as on Lambda), and with {@code UrlConnectionHttpClient} or {@code AwsCrtHttpClient}.
 */
final class JitAndHttpClientBenchmark {

    static final String SECTION = "JIT and HTTP client";
    static final String FUNCTION = "bench-DynamoDbGetItem";
    /** No stack declares this role, so local-cloud does not check the function's calls against any policy. */
    private static final String ROLE = "arn:aws:iam::000000000000:role/bench-unchecked";
    private static final String FULL_TIERED = "-XX:TieredStopAtLevel=4";

    /** One configuration: which HTTP client, which JIT options (empty for the runtime's defaults). */
    record Variant(String label, String httpClient, String javaToolOptions) {
        Map<String, String> variables() {
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("HTTP_CLIENT", httpClient);
            if (!javaToolOptions.isEmpty()) {
                variables.put("JAVA_TOOL_OPTIONS", javaToolOptions);
            }
            return variables;
        }
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("UrlConnection, C1 only (runtime default)", DynamoDbGetItem.URL_CONNECTION, ""),
            new Variant("UrlConnection, full tiered (" + FULL_TIERED + ")", DynamoDbGetItem.URL_CONNECTION, FULL_TIERED),
            new Variant("CRT, C1 only (runtime default)", DynamoDbGetItem.CRT, ""),
            new Variant("CRT, full tiered (" + FULL_TIERED + ")", DynamoDbGetItem.CRT, FULL_TIERED));

    private final int samples;
    private final int warmInvokes;

    JitAndHttpClientBenchmark(int samples, int warmInvokes) {
        this.samples = samples;
        this.warmInvokes = warmInvokes;
    }

    List<Result> run(LambdaService lambda, String tableName, Path workDirectory) throws IOException {
        Path code = FunctionCode.directory(workDirectory.resolve("dynamodb-get-item"), List.of(DynamoDbGetItem.class),
                FunctionCode.sdkLibraries(classPath()));
        lambda.createFunction(new FunctionConfig(FUNCTION, DynamoDbGetItem.class.getName() + "::handleRequest", "java21", code,
                512, 30, Map.of("TABLE_NAME", tableName, "HTTP_CLIENT", DynamoDbGetItem.URL_CONNECTION), ROLE, AsyncConfig.DEFAULT));
        ColdStarts coldStarts = new ColdStarts(lambda);
        byte[] event = "{}".getBytes(StandardCharsets.UTF_8);
        List<Result> results = new ArrayList<>();
        ColdStarts.Series baseline = null;
        try {
            for (Variant variant : VARIANTS) {
                String subject = "DynamoDB GetItem, " + variant.label() + " (median of " + samples + ")";
                try {
                    ColdStarts.Series series = coldStarts.measure(FUNCTION, variant.variables(), () -> event, samples);
                    List<Double> warm = new ArrayList<>();
                    for (int i = 0; i < warmInvokes; i++) {
                        warm.add(coldStarts.invoke(FUNCTION, event));
                    }
                    if (baseline == null) {
                        baseline = series;
                    }
                    results.add(new Result(SECTION, subject, "C1, UrlConnection", baseline.medianTotalMs(), series.medianTotalMs(), "ms",
                            new Budget.None(), String.format(Locale.ROOT,
                            "Init Duration %s ms, first invoke's Duration %s ms, then p50 %s ms over the next %d invokes",
                            Numbers.format(series.medianInitMs()), Numbers.format(series.medianDurationMs()),
                            Numbers.format(Percentiles.median(warm)), warmInvokes)));
                } catch (RuntimeException e) {
                    results.add(new Result(SECTION, subject, "C1, UrlConnection", Double.NaN, Double.NaN, "ms", new Budget.None(),
                            "not measured: " + e.getMessage()));
                }
            }
        } finally {
            lambda.deleteFunction(FUNCTION);
        }
        return results;
    }

    /** The jars this benchmark runs with: its class loaders' (exec:java builds one from the test class path), else java.class.path. */
    static List<Path> classPath() {
        Set<Path> entries = new LinkedHashSet<>();
        for (ClassLoader loader = JitAndHttpClientBenchmark.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()));
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: nothing a function could carry
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        return List.copyOf(entries);
    }
}
