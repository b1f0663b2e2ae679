package com.wildrydes.systemtests.bench;

import com.wildrydes.workshop.compare.Percentiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.InvocationRecord;
import com.wildrydes.localcloud.lambda.InvokeResult;
import com.wildrydes.localcloud.lambda.LambdaService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times cold starts: a function is deployed again (same code, handler, memory and role, plus the
 * variables a variant sets), so its next invoke starts a fresh instance, as after a deployment on AWS.
 */
final class ColdStarts {

    /** One fresh instance's first invoke: as the caller waited for it, and as its REPORT line tells it. */
    record Sample(double totalMs, double initDurationMs, double durationMs) {
    }

    /** The samples of one function in one variant, summarised by their medians. */
    record Series(String function, List<Sample> samples) {
        double medianTotalMs() {
            return Percentiles.median(samples.stream().map(Sample::totalMs).toList());
        }

        double medianInitMs() {
            return Percentiles.median(samples.stream().map(Sample::initDurationMs).toList());
        }

        double medianDurationMs() {
            return Percentiles.median(samples.stream().map(Sample::durationMs).toList());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaService lambda;
    private final Map<String, FunctionConfig> deployedAs = new HashMap<>();

    ColdStarts(LambdaService lambda) {
        this.lambda = lambda;
    }

    /**
     * Deploys the function again as its template declared it plus {@code variables}, so no instance
     * of it is left; returns the configuration it now runs with.
     */
    FunctionConfig redeploy(String function, Map<String, String> variables) {
        FunctionConfig original = deployedAs.computeIfAbsent(function, name -> lambda.function(name)
                .orElseThrow(() -> new IllegalArgumentException("no function " + name + " is deployed")));
        Map<String, String> environment = new HashMap<>(original.environment() == null ? Map.of() : original.environment());
        environment.putAll(variables);
        FunctionConfig config = new FunctionConfig(original.functionName(), original.handler(), original.runtime(), original.codePath(),
                original.memorySizeMb(), original.timeoutSeconds(), Map.copyOf(environment), original.roleArn(), original.async());
        lambda.deleteFunction(function);
        lambda.createFunction(config);
        return config;
    }

    /** {@code count} cold starts, each on a fresh instance with the given extra variables. */
    Series measure(String function, Map<String, String> variables, Supplier<byte[]> event, int count) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            redeploy(function, variables);
            samples.add(invokeCold(function, event.get()));
        }
        return new Series(function, samples);
    }

    /** Invokes a function that has no instance and checks the invocation really started one and succeeded. */
    Sample invokeCold(String function, byte[] event) {
        long start = System.nanoTime();
        InvokeResult result = lambda.invoke(function, event, null);
        double totalMs = (System.nanoTime() - start) / 1e6;
        requireSuccess(function, result);
        InvocationRecord record = lastInvocation(function);
        if (!record.coldStart()) {
            throw new IllegalStateException(function + " was expected to start a fresh instance, but a warm one answered");
        }
        return new Sample(totalMs, record.initDurationMs(), record.durationMs());
    }

    /** Invokes a function (warm or not) and returns its REPORT Duration. */
    double invoke(String function, byte[] event) {
        requireSuccess(function, lambda.invoke(function, event, null));
        return lastInvocation(function).durationMs();
    }

    private InvocationRecord lastInvocation(String function) {
        List<InvocationRecord> recent = lambda.stats(function).orElseThrow().recent();
        if (recent.isEmpty()) {
            throw new IllegalStateException("local-cloud recorded no invocation of " + function);
        }
        return recent.getLast();
    }

    /** A function error, or an API response of 4xx/5xx, means the benchmark did not measure what it claims. */
    static void requireSuccess(String function, InvokeResult result) {
        String payload = result.payload() == null ? "" : new String(result.payload(), StandardCharsets.UTF_8);
        if (result.failed()) {
            throw new IllegalStateException(function + " failed (" + result.functionError() + "): " + payload);
        }
        if (payload.startsWith("{")) {
            try {
                JsonNode status = JSON.readTree(payload).get("statusCode");
                if (status != null && status.asInt() >= 400) {
                    throw new IllegalStateException(function + " answered " + status.asInt() + ": " + payload);
                }
            } catch (IOException e) {
                throw new IllegalStateException(function + " answered unreadable JSON: " + payload, e);
            }
        }
    }

    /** Puts every redeployed function back as its template declared it. */
    void restore() {
        deployedAs.keySet().forEach(name -> redeploy(name, Map.of()));
    }
}
