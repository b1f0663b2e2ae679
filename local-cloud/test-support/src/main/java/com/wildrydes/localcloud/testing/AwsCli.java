package com.wildrydes.localcloud.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The installed AWS CLI, aimed at a local endpoint with test credentials and no user configuration,
 * as a learner would run it: {@code aws --endpoint-url <endpoint> --region us-east-1 ...}.
 */
public final class AwsCli {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path executable;
    private final String endpoint;
    private final Path home;

    private AwsCli(Path executable, String endpoint, Path home) {
        this.executable = executable;
        this.endpoint = endpoint;
        this.home = home;
    }

    /** The CLI, or a skipped test outside CI when it is not installed (a failure in CI). */
    public static AwsCli forEndpoint(String endpoint) throws IOException {
        Path executable = Executables.requireOrSkip("aws", "pip install awscli");
        return new AwsCli(executable, endpoint, Files.createTempDirectory("aws-cli-home"));
    }

    /** What one command printed and how it exited. */
    public record Result(int exitCode, String stdout, String stderr) {

        public JsonNode json() throws IOException {
            return JSON.readTree(stdout.isBlank() ? "{}" : stdout);
        }
    }

    /** Runs a command that must succeed and returns its JSON output. */
    public JsonNode json(String... arguments) throws IOException, InterruptedException {
        Result result = run(arguments);
        if (result.exitCode() != 0) {
            throw new AssertionError("aws " + String.join(" ", arguments) + " exited " + result.exitCode() + ": " + result.stderr());
        }
        return result.json();
    }

    public Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--endpoint-url", endpoint,
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put("AWS_ACCESS_KEY_ID", "test");
        environment.put("AWS_SECRET_ACCESS_KEY", "test");
        // No user configuration or credentials file may change what the CLI sends.
        environment.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        Path stdout = Files.createTempFile(home, "stdout", ".txt");
        Path stderr = Files.createTempFile(home, "stderr", ".txt");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", arguments) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    /** A file in the CLI's working folder, e.g. where {@code lambda invoke} wrote its output. */
    public Path file(String name) {
        return home.resolve(name);
    }
}
