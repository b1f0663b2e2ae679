package com.wildrydes.systemtests.bench;

import com.wildrydes.localcloud.lambda.LambdaService;
import com.wildrydes.localcloud.runtime.InjectedFault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Java 25 AOT cache ({@code -XX:AOTCache}) of a function: classes loaded and linked ahead of time,
 * from a training run of one instance. The JVM writes its training record only when it exits on
 * its own, so the instance is made to exit (the runtime's exit fault) instead of being stopped;
 * the cache is then assembled with the instance's own command line.
 */
final class AotCache {

    private static final String RECORD = "-XX:AOTMode=record";
    private static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    private AotCache() {
    }

    static Map<String, String> using(Path cache) {
        return Map.of(JAVA_TOOL_OPTIONS, "-XX:AOTCache=" + cache.toAbsolutePath());
    }

    static Path create(LambdaService lambda, ColdStarts coldStarts, String function, byte[] event, Path directory)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        Files.createDirectories(directory);
        Path configuration = directory.resolve(function + ".aotconf").toAbsolutePath();
        Path cache = directory.resolve(function + ".aot").toAbsolutePath();
        Files.deleteIfExists(configuration);
        Files.deleteIfExists(cache);
        coldStarts.redeploy(function, Map.of(JAVA_TOOL_OPTIONS, RECORD + " -XX:AOTConfiguration=" + configuration));
        coldStarts.invokeCold(function, event);
        ProcessHandle training = lambda.instancePids().stream()
                .map(ProcessHandle::of).flatMap(java.util.Optional::stream)
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(RECORD)).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no instance of " + function + " runs with " + RECORD));
        String java = training.info().command().orElseThrow();
        List<String> arguments = List.of(training.info().arguments().orElseThrow());

        lambda.injectFault(function, new InjectedFault.Exit(0), 1);
        lambda.invoke(function, event, null);
        training.onExit().get(60, TimeUnit.SECONDS); // the training record is written as the JVM exits
        if (!Files.isRegularFile(configuration)) {
            throw new IllegalStateException("the training run of " + function + " wrote no AOT configuration");
        }

        // The same JVM flags and class path, in create mode; the main class is not needed to assemble.
        List<String> assemble = new ArrayList<>();
        assemble.add(java);
        for (String argument : arguments.subList(0, arguments.size() - 1)) {
            assemble.add(argument.equals(RECORD) ? "-XX:AOTMode=create" : argument);
        }
        assemble.add("-XX:AOTCache=" + cache);
        Process create = new ProcessBuilder(assemble).redirectErrorStream(true).start();
        String output = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!create.waitFor(120, TimeUnit.SECONDS) || create.exitValue() != 0 || !Files.isRegularFile(cache)) {
            create.destroyForcibly();
            throw new IllegalStateException("the AOT cache of " + function + " could not be created: " + output.strip());
        }
        coldStarts.redeploy(function, Map.of());
        return cache;
    }
}
