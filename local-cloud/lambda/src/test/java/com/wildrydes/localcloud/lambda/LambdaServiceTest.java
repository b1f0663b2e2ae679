package com.wildrydes.localcloud.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.runtime.InjectedFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real function JVMs started by the service, with the test functions as their code. */
class LambdaServiceTest {

    private static final String EDGE = "http://127.0.0.1:4566";
    private static final String DLQ = "arn:aws:sqs:us-east-1:000000000000:failed-rides";

    @TempDir
    static Path artifacts;
    static Path jar;
    static RecordingLogSink logs = new RecordingLogSink();
    static List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    static LambdaService lambda;

    record DeadLetter(String target, String event, Map<String, String> attributes) {
    }

    @BeforeAll
    static void start() throws Exception {
        jar = FunctionArtifacts.jar(artifacts);
        LambdaOptions options = LambdaOptions.defaults()
                .withMaxInstancesPerFunction(2)
                .withInstanceWait(Duration.ofSeconds(20))
                .withInitTimeout(Duration.ofSeconds(30))
                .withAsyncRetryBaseDelay(Duration.ofMillis(100))
                .withLogSink(logs);
        lambda = new LambdaService("us-east-1", "000000000000", () -> EDGE,
                (target, event, attributes) -> deadLetters.add(new DeadLetter(target, new String(event, StandardCharsets.UTF_8), attributes)),
                options);
    }

    @AfterAll
    static void stop() {
        List<Long> pids = lambda.instancePids();
        lambda.close();
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("instance JVM %d is gone after close()", pid).isFalse();
        }
    }

    private static FunctionConfig function(String name, String handler, Path code, int timeoutSeconds,
                                           Map<String, String> env, AsyncConfig async) {
        return new FunctionConfig(name, "com.wildrydes.localcloud.testfunctions." + handler, "java21", code, 256,
                timeoutSeconds, env, "arn:aws:iam::000000000000:role/" + name + "Role", async);
    }

    private static FunctionConfig function(String name, String handler) {
        return function(name, handler, jar, 10, Map.of(), AsyncConfig.DEFAULT);
    }

    private static JsonNode json(InvokeResult result) throws Exception {
        return Json.parse(result.payload());
    }

    private static String text(InvokeResult result) {
        return new String(result.payload(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void firstInvokeIsColdThenTheInstanceIsReused() throws Exception {
        lambda.createFunction(function("Hello", "Hello"));

        InvokeResult first = lambda.invoke("Hello", bytes("{\"name\":\"Shadowfax\"}"));
        InvokeResult second = lambda.invoke("arn:aws:lambda:us-east-1:000000000000:function:Hello", bytes("{\"name\":\"Rocinante\"}"));

        assertThat(first.failed()).isFalse();
        assertThat(json(first).get("greeting").asText()).isEqualTo("Hello, Shadowfax!");
        assertThat(json(second).get("greeting").asText()).isEqualTo("Hello, Rocinante!");
        assertThat(json(second).get("pid").asLong()).isEqualTo(json(first).get("pid").asLong());

        FunctionStats stats = lambda.stats("Hello").orElseThrow();
        assertThat(stats.coldStarts()).isEqualTo(1);
        assertThat(stats.warmStarts()).isEqualTo(1);
        assertThat(stats.idleInstances()).isEqualTo(1);
        assertThat(stats.busyInstances()).isZero();
        assertThat(stats.recent()).extracting(InvocationRecord::coldStart).containsExactly(true, false);
        assertThat(stats.recent().get(0).initDurationMs()).isPositive();
        assertThat(stats.recent().get(1).initDurationMs()).isZero();

        List<String> lines = logs.of("Hello");
        String id = first.requestId();
        int start = lines.indexOf("START RequestId: " + id + " Version: $LATEST");
        assertThat(start).isNotNegative();
        assertThat(lines.get(start + 1)).isEqualTo("greeting Shadowfax");
        assertThat(lines.get(start + 2)).isEqualTo("END RequestId: " + id);
        assertThat(lines.get(start + 3)).matches("REPORT RequestId: " + id
                + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 256 MB\tMax Memory Used: [1-9]\\d* MB\tInit Duration: \\d+\\.\\d\\d ms");
        assertThat(lines).filteredOn(l -> l.startsWith("REPORT RequestId: " + second.requestId()))
                .singleElement().asString().doesNotContain("Init Duration");
        assertThat(lambda.recentLogs("Hello")).contains("END RequestId: " + id);
    }

    @Test
    void concurrentInvokesStartASecondInstance() throws Exception {
        lambda.createFunction(function("Sleeper", "Sleep"));

        CompletableFuture<InvokeResult> a = CompletableFuture.supplyAsync(() -> lambda.invoke("Sleeper", bytes("{\"millis\":1500}")));
        CompletableFuture<InvokeResult> b = CompletableFuture.supplyAsync(() -> lambda.invoke("Sleeper", bytes("{\"millis\":1500}")));

        long pidA = Long.parseLong(text(a.get(60, TimeUnit.SECONDS)));
        long pidB = Long.parseLong(text(b.get(60, TimeUnit.SECONDS)));
        assertThat(pidA).isNotEqualTo(pidB);
        FunctionStats stats = lambda.stats("Sleeper").orElseThrow();
        assertThat(stats.coldStarts()).isEqualTo(2);
        assertThat(stats.idleInstances()).isEqualTo(2);
    }

    @Test
    void timeoutStopsTheInstanceAndAnswersAsLambdaDoes() throws Exception {
        lambda.createFunction(function("Slow", "Sleep", jar, 2, Map.of(), AsyncConfig.DEFAULT));
        long warmPid = Long.parseLong(text(lambda.invoke("Slow", bytes("{\"millis\":0}"))));

        InvokeResult result = lambda.invoke("Slow", bytes("{\"millis\":10000}"));

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.functionError()).isEqualTo("Unhandled");
        assertThat(text(result)).matches("\\{\"errorMessage\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z "
                + result.requestId() + " Task timed out after 2\\.00 seconds\"}");
        assertThat(ProcessHandle.of(warmPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(logs.of("Slow")).anyMatch(l -> l.startsWith("REPORT RequestId: " + result.requestId()) && l.endsWith("\tStatus: timeout"));

        long nextPid = Long.parseLong(text(lambda.invoke("Slow", bytes("{\"millis\":0}"))));
        assertThat(nextPid).isNotEqualTo(warmPid);
    }

    @Test
    void crashedInstanceIsReportedAndReplaced() throws Exception {
        lambda.createFunction(function("Crasher", "Exit"));
        long firstPid = Long.parseLong(text(lambda.invoke("Crasher", bytes("{}"))));

        InvokeResult crash = lambda.invoke("Crasher", bytes("{\"status\":3}"));

        assertThat(crash.functionError()).isEqualTo("Unhandled");
        assertThat(text(crash)).isEqualTo("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: "
                + crash.requestId() + " Error: Runtime exited with error: exit status 3\"}");
        long replacementPid = Long.parseLong(text(lambda.invoke("Crasher", bytes("{}"))));
        assertThat(replacementPid).isNotEqualTo(firstPid);
        assertThat(lambda.stats("Crasher").orElseThrow().coldStarts()).isEqualTo(2);
    }

    @Test
    void handlerExceptionIsAnUnhandledFunctionError() throws Exception {
        lambda.createFunction(function("Thrower", "Throw"));

        InvokeResult result = lambda.invoke("Thrower", bytes("{\"ride\":1}"));

        assertThat(result.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(result);
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("errorMessage").asText()).isEqualTo("Unicorn not available");
        assertThat(error.get("stackTrace").get(0).asText()).startsWith("com.wildrydes.localcloud.testfunctions.Throw.handleRequest(Throw.java:");
        assertThat(logs.of("Thrower")).contains("about to fail for {ride=1}");
        // The instance survives a handler exception.
        assertThat(lambda.stats("Thrower").orElseThrow().idleInstances()).isEqualTo(1);
    }

    @Test
    void initErrorFailsEachInvokeWithTheRuntimesReport() throws Exception {
        lambda.createFunction(new FunctionConfig("Misnamed", "com.example.Missing::handleRequest", "java21", jar, 256, 10,
                Map.of(), null, AsyncConfig.DEFAULT));

        InvokeResult result = lambda.invoke("Misnamed", bytes("{}"));

        assertThat(result.functionError()).isEqualTo("Unhandled");
        assertThat(text(result)).isEqualTo("{\"errorMessage\":\"Class not found: com.example.Missing\",\"errorType\":\"java.lang.ClassNotFoundException\"}");
        assertThat(lambda.invoke("Misnamed", bytes("{}")).functionError()).isEqualTo("Unhandled");
        assertThat(lambda.stats("Misnamed").orElseThrow().coldStarts()).isEqualTo(2);
    }

    @Test
    void environmentIsTheTemplatesPlusLambdasOwnAndNothingInherited() throws Exception {
        String arn = lambda.createFunction(function("Env", "EnvReport", FunctionArtifacts.classesDirectory(), 10,
                Map.of("TABLE_NAME", "Rides", "JAVA_TOOL_OPTIONS", "-Dwildrydes.mode=local"), AsyncConfig.DEFAULT));

        JsonNode env = json(lambda.invoke("Env", bytes("""
                ["AWS_REGION","AWS_DEFAULT_REGION","AWS_LAMBDA_FUNCTION_NAME","AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                 "AWS_LAMBDA_FUNCTION_VERSION","AWS_LAMBDA_LOG_GROUP_NAME","AWS_LAMBDA_LOG_STREAM_NAME","_HANDLER",
                 "LAMBDA_TASK_ROOT","AWS_EXECUTION_ENV","TZ","AWS_ENDPOINT_URL","AWS_ACCESS_KEY_ID","AWS_SECRET_ACCESS_KEY",
                 "AWS_SESSION_TOKEN","AWS_LAMBDA_RUNTIME_API","TABLE_NAME","AWS_PROFILE","prop:wildrydes.mode"]""")));

        assertThat(arn).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:Env");
        assertThat(env.get("AWS_REGION").asText()).isEqualTo("us-east-1");
        assertThat(env.get("AWS_DEFAULT_REGION").asText()).isEqualTo("us-east-1");
        assertThat(env.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("Env");
        assertThat(env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
        assertThat(env.get("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
        assertThat(env.get("AWS_LAMBDA_LOG_GROUP_NAME").asText()).isEqualTo("/aws/lambda/Env");
        assertThat(env.get("AWS_LAMBDA_LOG_STREAM_NAME").asText()).matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(env.get("_HANDLER").asText()).isEqualTo("com.wildrydes.localcloud.testfunctions.EnvReport");
        assertThat(env.get("LAMBDA_TASK_ROOT").asText()).isEqualTo(FunctionArtifacts.classesDirectory().toString());
        assertThat(env.get("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_java21");
        assertThat(env.get("TZ").asText()).isEqualTo(":UTC");
        assertThat(env.get("AWS_ENDPOINT_URL").asText()).isEqualTo(EDGE);
        assertThat(env.get("AWS_LAMBDA_RUNTIME_API").asText()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(env.get("TABLE_NAME").asText()).isEqualTo("Rides");
        assertThat(env.get("prop:wildrydes.mode").asText()).isEqualTo("local");
        assertThat(env.get("AWS_PROFILE").asText()).isEqualTo("<unset>");
        String accessKey = env.get("AWS_ACCESS_KEY_ID").asText();
        assertThat(accessKey).matches("ASIA[A-Z2-7]{16}");
        assertThat(env.get("AWS_SECRET_ACCESS_KEY").asText()).hasSize(40);
        assertThat(env.get("AWS_SESSION_TOKEN").asText()).isNotBlank();
        assertThat(lambda.functionForAccessKey(accessKey)).contains("Env");
        assertThat(lambda.functionForAccessKey("AKIAOTHER")).isEmpty();
    }

    @Test
    void zipWithLibrariesInLibIsLoaded() throws Exception {
        Path zip = FunctionArtifacts.zipWithLib(artifacts);
        lambda.createFunction(function("ApiEcho", "ApiGatewayEcho", zip, 10, Map.of(), AsyncConfig.DEFAULT));

        InvokeResult result = lambda.invoke("ApiEcho", bytes("{\"httpMethod\":\"POST\",\"path\":\"/ride\",\"body\":\"{}\"}"));

        assertThat(result.failed()).as(text(result)).isFalse();
        assertThat(json(result).get("statusCode").asInt()).isEqualTo(200);
        assertThat(json(result).get("body").asText()).isEqualTo("POST /ride {}");
    }

    @Test
    void failedAsyncEventIsRetriedTwiceThenDeadLettered() throws Exception {
        lambda.createFunction(function("AsyncThrower", "Throw", jar, 10, Map.of(), new AsyncConfig(2, 60, DLQ)));

        String requestId = lambda.invokeAsync("AsyncThrower", bytes("{\"RideId\":\"r-1\"}"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (deadLetters.stream().noneMatch(d -> d.attributes().get("RequestID").equals(requestId)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        DeadLetter letter = deadLetters.stream().filter(d -> d.attributes().get("RequestID").equals(requestId)).findFirst().orElseThrow();
        assertThat(letter.target()).isEqualTo(DLQ);
        assertThat(letter.event()).isEqualTo("{\"RideId\":\"r-1\"}");
        assertThat(letter.attributes()).containsEntry("ErrorCode", "200").containsEntry("ErrorMessage", "Unicorn not available");
        assertThat(logs.of("AsyncThrower")).filteredOn(l -> l.equals("START RequestId: " + requestId + " Version: $LATEST")).hasSize(3);
    }

    @Test
    void injectedFaultsApplyToTheNextInvokesOnly() throws Exception {
        lambda.createFunction(function("Faulty", "Hello"));
        lambda.injectFault("Faulty", new InjectedFault.Throw("injected outage"), 1);

        InvokeResult failed = lambda.invoke("Faulty", bytes("{}"));
        InvokeResult recovered = lambda.invoke("Faulty", bytes("{}"));

        assertThat(failed.functionError()).isEqualTo("Unhandled");
        assertThat(json(failed).get("errorMessage").asText()).isEqualTo("injected outage");
        assertThat(recovered.failed()).isFalse();

        lambda.injectFault("Faulty", new InjectedFault.Exit(7), 0);
        InvokeResult exited = lambda.invoke("Faulty", bytes("{}"));
        assertThat(json(exited).get("errorMessage").asText()).endsWith("Runtime exited with error: exit status 7");
        lambda.clearFault("Faulty");
        assertThat(lambda.invoke("Faulty", bytes("{}")).failed()).isFalse();
    }

    @Test
    void deletedFunctionStopsItsInstancesAndIsNotFound() throws Exception {
        lambda.createFunction(function("Doomed", "Hello"));
        long pid = json(lambda.invoke("Doomed", bytes("{}"))).get("pid").asLong();

        lambda.deleteFunction("Doomed");

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThatThrownBy(() -> lambda.invoke("Doomed", bytes("{}")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.getMessage()).isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:Doomed");
                });
        assertThat(lambda.function("Doomed")).isEmpty();
    }

    @Test
    void invalidFunctionsAreRefusedWithAwsMessages() {
        assertThatThrownBy(() -> lambda.createFunction(function("Reserved", "Hello", jar, 10, Map.of("AWS_REGION", "eu-west-1"), null)))
                .hasMessageContaining("Reserved keys used in this request: AWS_REGION");
        assertThatThrownBy(() -> lambda.createFunction(function("NoCode", "Hello", artifacts.resolve("missing.jar"), 10, Map.of(), null)))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> lambda.createFunction(new FunctionConfig("Py", "app.handler", "python3.12", jar, 128, 3, Map.of(), null, null)))
                .hasMessageContaining("runs Java functions only");
        lambda.createFunction(function("Twice", "Hello"));
        assertThatThrownBy(() -> lambda.createFunction(function("Twice", "Hello")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.status()).isEqualTo(409));
    }
}
