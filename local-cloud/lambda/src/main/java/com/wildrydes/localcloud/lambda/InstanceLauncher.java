package com.wildrydes.localcloud.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.wildrydes.localcloud.runtime.LambdaRuntimeClient;
import com.wildrydes.localcloud.runtime.RuntimeProtocol;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Starts a function's JVM the way the managed java21 runtime does: the same JIT and GC flags, a
 * heap of 85% of the function's memory, the runtime (and aws-lambda-java-core) on the class path,
 * and an environment made only of the template's variables and the ones Lambda defines. As on
 * Lambda, a function's {@code JAVA_TOOL_OPTIONS} override those defaults.
 */
final class InstanceLauncher {

    /** Variables Lambda defines itself; a template may not set them (AWS refuses such a template too). */
    static final Set<String> RESERVED_VARIABLES = Set.of(
            "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    /** Host variables a JVM needs to run at all; nothing else of local-cloud's environment leaks in. */
    private static final List<String> HOST_VARIABLES = List.of("PATH", "SystemRoot", "TMPDIR", "TEMP", "TMP");

    /** The variable Lambda documents for tuning a function's JVM; the function's options win over the runtime's. */
    static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    private static final Logger LOG = Logger.getLogger(InstanceLauncher.class.getName());

    private final String java;
    private final String classpath;

    InstanceLauncher() {
        Path home = Path.of(System.getProperty("java.home"));
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        this.java = home.resolve("bin").resolve(windows ? "java.exe" : "java").toString();
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(LambdaRuntimeClient.class, RequestHandler.class, PojoSerializer.class)) {
            entries.add(location(type));
        }
        if (entries.contains(location(InstanceLauncher.class))) {
            // Packaged into one jar with the rest of local-cloud, the runtime would put all of
            // local-cloud's libraries ahead of the function's own (the parent class loader wins).
            LOG.warning("the Lambda runtime client is packaged in the same jar as local-cloud (" + location(InstanceLauncher.class)
                    + "); functions will see local-cloud's libraries. Keep local-cloud-runtime-client, aws-lambda-java-core"
                    + " and aws-lambda-java-serialization as separate jars on local-cloud's class path.");
        }
        this.classpath = String.join(File.pathSeparator, entries);
    }

    /** Where a class was loaded from (a jar, or a classes directory in a build), from its CodeSource. */
    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot locate " + type.getName() + " to put the Lambda runtime on a class path");
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + type.getName() + ": " + source.getLocation(), e);
        }
    }

    List<String> command(FunctionConfig config) {
        long memoryKb = config.memorySizeMb() * 1024L;
        List<String> functionOptions = javaToolOptions(config);
        List<String> command = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        // -Xshare:auto is the JVM's default anyway, but said explicitly the JVM refuses to start with an AOT cache
        // (-XX:AOTCache, -XX:AOTMode...), which a function may ask for in its options.
        if (functionOptions.stream().noneMatch(option -> option.startsWith("-XX:AOT"))) {
            command.add("-Xshare:auto");
        }
        command.addAll(List.of(
                "-XX:MaxHeapSize=" + (memoryKb * 85 / 100) + "k",
                "-XX:-UsePerfData",
                "-Djava.net.preferIPv4Stack=true",
                "-D" + RuntimeProtocol.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid()));
        // The JVM reads JAVA_TOOL_OPTIONS before its command line, so the defaults above would win over the
        // function's own options; Lambda lets the function's win. They go after the defaults instead.
        command.addAll(functionOptions);
        command.addAll(List.of("-cp", classpath, LambdaRuntimeClient.class.getName()));
        return command;
    }

    /** The function's {@code JAVA_TOOL_OPTIONS}, split as the JVM splits them: on blanks, quotes grouping. */
    static List<String> javaToolOptions(FunctionConfig config) {
        String value = config.environment() == null ? null : config.environment().get(JAVA_TOOL_OPTIONS);
        List<String> options = new ArrayList<>();
        if (value == null) {
            return options;
        }
        StringBuilder option = new StringBuilder();
        boolean inOption = false;
        char quote = 0;
        for (char c : value.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    option.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inOption = true;
            } else if (Character.isWhitespace(c)) {
                if (inOption) {
                    options.add(option.toString());
                    option.setLength(0);
                    inOption = false;
                }
            } else {
                option.append(c);
                inOption = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("JAVA_TOOL_OPTIONS of " + config.functionName() + " has an unclosed quote: " + value);
        }
        if (inOption) {
            options.add(option.toString());
        }
        return options;
    }

    /**
     * The instance's environment: host basics, the template's variables, then Lambda's own.
     *
     * @param runtimeApi   {@code host:port} of the instance's Runtime API
     * @param edgeUrl      local-cloud's endpoint, as {@code AWS_ENDPOINT_URL} for the AWS SDK
     */
    Map<String, String> environment(FunctionConfig config, String region, String runtimeApi, String logStreamName,
                                    String edgeUrl, FunctionCredentials credentials) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : HOST_VARIABLES) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.put("LANG", "en_US.UTF-8");
        env.putAll(config.environment() == null ? Map.of() : config.environment());
        // Passed on the command line after the runtime's defaults (see command); left here too, the JVM would apply
        // them twice, and a -javaagent would start twice.
        env.remove(JAVA_TOOL_OPTIONS);
        env.put("TZ", ":UTC");
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + runtimeName(config));
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.functionName());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memorySizeMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.functionName());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName);
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("_HANDLER", config.handler());
        env.put("LAMBDA_TASK_ROOT", config.codePath().toAbsolutePath().toString());
        if (edgeUrl != null) {
            env.put("AWS_ENDPOINT_URL", edgeUrl);
        }
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        return env;
    }

    Process start(FunctionConfig config, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(config))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .directory(workingDirectory(config.codePath()).toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    static String runtimeName(FunctionConfig config) {
        return config.runtime() == null ? "java21" : config.runtime();
    }

    /** Lambda runs a function in its code's directory (/var/task); for a jar, the jar's directory. */
    private static Path workingDirectory(Path code) {
        Path absolute = code.toAbsolutePath();
        return Files.isDirectory(absolute) ? absolute : absolute.getParent();
    }

    private static File nullDevice() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }
}
