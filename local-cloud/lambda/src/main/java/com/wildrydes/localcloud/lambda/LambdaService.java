package com.wildrydes.localcloud.lambda;

import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;
import com.wildrydes.localcloud.http.AwsService;
import com.wildrydes.localcloud.runtime.InjectedFault;
import com.wildrydes.localcloud.trace.TraceRecorder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Lambda: functions run in their own JVMs over the Lambda Runtime API, invoked in-process by the
 * rest of local-cloud ({@link LambdaControl}) and over the edge by the AWS SDK and CLI (the Invoke,
 * GetFunction, GetFunctionConfiguration and ListFunctions APIs).
 *
 * <p>Each function gets its own access key, handed to its instances as AWS credentials;
 * {@link #functionForAccessKey} maps a caller back to the function. Closing the service stops
 * every instance and waits for their JVMs to exit.
 */
public final class LambdaService implements LambdaControl, AwsService, AutoCloseable {

    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private final String region;
    private final String accountId;
    private final LambdaOptions options;
    private final DeployedFunction.Shared shared;
    private final AsyncInvoker async;
    private final InvokeApi api = new InvokeApi(this);
    private final Map<String, DeployedFunction> functions = new ConcurrentHashMap<>();
    private final Map<String, String> functionsByAccessKey = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public LambdaService(String region, String accountId, Supplier<String> edgeUrl, DeadLetterSink deadLetters,
                         LambdaOptions options) {
        this(region, accountId, edgeUrl, deadLetters, options, TraceRecorder.NONE);
    }

    /** @param traces told of every invocation: its trace, duration and whether it started cold */
    public LambdaService(String region, String accountId, Supplier<String> edgeUrl, DeadLetterSink deadLetters,
                         LambdaOptions options, TraceRecorder traces) {
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.options = Objects.requireNonNull(options, "options");
        this.shared = new DeployedFunction.Shared(new InstanceLauncher(), options, region, Objects.requireNonNull(edgeUrl, "edgeUrl"),
                Objects.requireNonNull(traces, "traces"));
        this.async = new AsyncInvoker(Objects.requireNonNull(deadLetters, "deadLetters"), options.asyncRetryBaseDelay());
    }

    public LambdaService(String region, String accountId, Supplier<String> edgeUrl, DeadLetterSink deadLetters) {
        this(region, accountId, edgeUrl, deadLetters, LambdaOptions.defaults());
    }

    // ---- LambdaControl

    @Override
    public String createFunction(FunctionConfig config) {
        validate(config);
        String arn = functionArn(config.functionName());
        FunctionCredentials credentials = FunctionCredentials.generate();
        DeployedFunction function = new DeployedFunction(config, arn, credentials, shared);
        if (functions.putIfAbsent(config.functionName(), function) != null) {
            throw LambdaErrors.functionExists(config.functionName());
        }
        functionsByAccessKey.put(credentials.accessKeyId(), config.functionName());
        return arn;
    }

    private void validate(FunctionConfig config) {
        if (closed) {
            throw LambdaErrors.serviceStopped();
        }
        Objects.requireNonNull(config, "config");
        if (config.functionName() == null || !FUNCTION_NAME.matcher(config.functionName()).matches()) {
            throw LambdaErrors.invalidParameter("FunctionName '" + config.functionName()
                    + "' must be 1 to 64 letters, digits, hyphens or underscores");
        }
        String runtime = InstanceLauncher.runtimeName(config);
        if (!runtime.startsWith("java")) {
            throw LambdaErrors.invalidParameter("local-cloud runs Java functions only; the runtime '" + runtime
                    + "' of " + config.functionName() + " is not supported (supported: java8.al2, java11, java17, java21, java25)");
        }
        if (config.handler() == null || config.handler().isBlank()) {
            throw LambdaErrors.invalidParameter("Handler of " + config.functionName() + " must name pkg.Class or pkg.Class::method");
        }
        if (config.codePath() == null || !Files.exists(config.codePath())) {
            throw LambdaErrors.invalidParameter("the code of " + config.functionName() + " does not exist: " + config.codePath()
                    + " (build it first, e.g. with ./mvnw package)");
        }
        if (config.memorySizeMb() < 128 || config.memorySizeMb() > 10240) {
            throw LambdaErrors.invalidParameter("MemorySize of " + config.functionName() + " must be between 128 and 10240 MB, not "
                    + config.memorySizeMb());
        }
        if (config.timeoutSeconds() < 1 || config.timeoutSeconds() > 900) {
            throw LambdaErrors.invalidParameter("Timeout of " + config.functionName() + " must be between 1 and 900 seconds, not "
                    + config.timeoutSeconds());
        }
        if (config.environment() != null) {
            TreeSet<String> reserved = new TreeSet<>(config.environment().keySet());
            reserved.retainAll(InstanceLauncher.RESERVED_VARIABLES);
            if (!reserved.isEmpty()) {
                throw LambdaErrors.invalidParameter("Lambda was unable to configure your environment variables because the"
                        + " environment variables you have provided contains reserved keys that are currently not supported"
                        + " for modification. Reserved keys used in this request: " + String.join(", ", reserved));
            }
        }
    }

    @Override
    public void deleteFunction(String functionName) {
        DeployedFunction function = functions.remove(FunctionReference.parse(functionName).name());
        if (function != null) {
            functionsByAccessKey.remove(function.credentials().accessKeyId());
            function.shutdown();
        }
    }

    @Override
    public InvokeResult invoke(String functionNameOrArn, byte[] payload, String traceHeader) {
        DeployedFunction.Completed completed = invoke(functionNameOrArn, payload, traceHeader, null);
        InvocationOutcome outcome = completed.outcome();
        return new InvokeResult(200, outcome.payload(), outcome.failed() ? "Unhandled" : null, completed.requestId());
    }

    /** A synchronous invoke with what only the Invoke API carries: a client context; returns the log tail too. */
    DeployedFunction.Completed invoke(String functionNameOrArn, byte[] payload, String traceHeader, String clientContext) {
        DeployedFunction function = resolve(functionNameOrArn);
        try {
            return function.invoke(null, invokedArn(function, functionNameOrArn), orEmptyObject(payload), traceHeader, clientContext);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LambdaErrors.serviceStopped();
        }
    }

    @Override
    public String invokeAsync(String functionNameOrArn, byte[] payload) {
        return invokeAsync(functionNameOrArn, payload, null);
    }

    @Override
    public String invokeAsync(String functionNameOrArn, byte[] payload, String traceHeader) {
        DeployedFunction function = resolve(functionNameOrArn);
        return async.submit(function, invokedArn(function, functionNameOrArn), orEmptyObject(payload), traceHeader);
    }

    @Override
    public String functionArn(String functionName) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }

    @Override
    public Optional<FunctionConfig> function(String functionNameOrArn) {
        return find(functionNameOrArn).map(DeployedFunction::config);
    }

    @Override
    public List<FunctionConfig> functions() {
        return deployed().stream().map(DeployedFunction::config).toList();
    }

    // ---- AwsService

    @Override
    public String signingName() {
        return "lambda";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return api.handle(request);
    }

    // ---- local-cloud's own

    /** The function whose instances sign with this access key, if any. */
    public Optional<String> functionForAccessKey(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(functionsByAccessKey.get(accessKeyId));
    }

    public Optional<FunctionStats> stats(String functionNameOrArn) {
        return find(functionNameOrArn).map(DeployedFunction::stats);
    }

    public List<FunctionStats> stats() {
        return deployed().stream().map(DeployedFunction::stats).toList();
    }

    /** The latest lines of a function's log (at most 500), oldest first. */
    public List<String> recentLogs(String functionNameOrArn) {
        return find(functionNameOrArn).map(DeployedFunction::recentLogs).orElse(List.of());
    }

    /**
     * Makes the function's next {@code times} invokes (every invoke when {@code times} is 0 or
     * less) act out a fault in the function's JVM: throw, sleep, run past the timeout, or exit.
     */
    public void injectFault(String functionNameOrArn, InjectedFault fault, int times) {
        resolve(functionNameOrArn).injectFault(Objects.requireNonNull(fault, "fault"), times);
    }

    public void clearFault(String functionNameOrArn) {
        resolve(functionNameOrArn).clearFault();
    }

    /** Process ids of every running instance of every function. */
    public List<Long> instancePids() {
        List<Long> pids = new ArrayList<>();
        deployed().forEach(f -> pids.addAll(f.instancePids()));
        return pids;
    }

    String region() {
        return region;
    }

    Optional<DeployedFunction> find(String functionNameOrArn) {
        return Optional.ofNullable(functions.get(FunctionReference.parse(functionNameOrArn).name()));
    }

    DeployedFunction resolve(String functionNameOrArn) {
        FunctionReference reference = FunctionReference.parse(functionNameOrArn);
        DeployedFunction function = functions.get(reference.name());
        if (function == null) {
            throw LambdaErrors.functionNotFound(functionArn(reference.name()));
        }
        return function;
    }

    List<DeployedFunction> deployed() {
        return functions.values().stream().sorted(Comparator.comparing(f -> f.config().functionName())).toList();
    }

    /** The ARN the runtime reports as invoked: with the caller's qualifier when one was given. */
    private static String invokedArn(DeployedFunction function, String reference) {
        String qualifier = FunctionReference.parse(reference).qualifier();
        return qualifier == null ? function.arn() : function.arn() + ":" + qualifier;
    }

    /** An invoke without a payload hands the function an empty JSON object, as Lambda does. */
    private static byte[] orEmptyObject(byte[] payload) {
        return payload == null || payload.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : payload;
    }

    @Override
    public void close() {
        closed = true;
        async.close();
        List<DeployedFunction> all = new ArrayList<>(functions.values());
        functions.clear();
        functionsByAccessKey.clear();
        all.parallelStream().forEach(DeployedFunction::shutdown);
    }
}
