package com.wildrydes.systemtests.bench;

import com.wildrydes.localcloud.lambda.LambdaService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A dynamic AppCDS archive of what a function's JVM loads on its first invoke, and the
 * {@code JAVA_TOOL_OPTIONS} that make a function's instances start from it.
 *
 * <p>The archive is dumped from a live instance with {@code jcmd VM.cds dynamic_dump} rather than at
 * JVM exit ({@code -XX:ArchiveClassesAtExit}), because local-cloud stops instances forcibly and
 * a forcibly stopped JVM writes nothing.
 */
final class AppCdsArchive {

    static final String RECORD = "-XX:+RecordDynamicDumpInfo";
    private static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    private AppCdsArchive() {
    }

    /** The variables that make a function's JVM map the archive (silently falling back without it). */
    static Map<String, String> using(Path archive) {
        return Map.of(JAVA_TOOL_OPTIONS, "-XX:SharedArchiveFile=" + archive.toAbsolutePath());
    }

    /** Starts a recording instance of the function, invokes it once, and dumps what it loaded into {@code archive}. */
    static Path create(LambdaService lambda, ColdStarts coldStarts, String function, byte[] event, Path archive)
            throws IOException, InterruptedException {
        Files.createDirectories(archive.toAbsolutePath().getParent());
        Files.deleteIfExists(archive);
        coldStarts.redeploy(function, Map.of(JAVA_TOOL_OPTIONS, RECORD));
        coldStarts.invokeCold(function, event);
        long pid = lambda.instancePids().stream()
                .filter(AppCdsArchive::isRecording)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no instance of " + function + " runs with " + RECORD));
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.cds", "dynamic_dump", archive.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!dump.waitFor(60, TimeUnit.SECONDS) || dump.exitValue() != 0 || !Files.isRegularFile(archive)) {
            dump.destroyForcibly();
            throw new IllegalStateException("jcmd could not dump the CDS archive of " + function + ": " + output.strip());
        }
        return archive;
    }

    private static boolean isRecording(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(process -> process.info().arguments())
                .map(arguments -> Arrays.asList(arguments).contains(RECORD))
                .orElse(false);
    }

    /**
     * Starts one instance from the archive, logging where each class came from, and tells how many
     * classes the archives served: the JVM falls back to loading from jars without a word when an
     * archive does not match, so a timing alone does not prove the archive was used.
     */
    static String classesServed(ColdStarts coldStarts, String function, byte[] event, Path archive) throws IOException {
        Path log = archive.resolveSibling(archive.getFileName() + ".classes.log");
        Files.deleteIfExists(log);
        coldStarts.redeploy(function, Map.of(JAVA_TOOL_OPTIONS, "-XX:SharedArchiveFile=" + archive.toAbsolutePath()
                + " -Xlog:class+load=info:file=" + log.toAbsolutePath()));
        coldStarts.invokeCold(function, event);
        coldStarts.redeploy(function, Map.of());
        List<String> loads;
        try (Stream<String> lines = Files.lines(log)) {
            loads = lines.filter(line -> line.contains(" source: ")).toList();
        }
        long shared = loads.stream().filter(line -> line.contains("source: shared objects file")).count();
        long top = loads.stream().filter(line -> line.contains("source: shared objects file (top)")).count();
        return String.format(Locale.ROOT, "%d of %d classes loaded came from CDS archives, %d of them from this one",
                shared, loads.size(), top);
    }

    /** The size of an archive in MB, for the report. */
    static double sizeMb(Path archive) throws IOException {
        return Files.size(archive) / (1024.0 * 1024.0);
    }
}
