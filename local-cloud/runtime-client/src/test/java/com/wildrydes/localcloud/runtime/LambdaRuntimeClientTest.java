package com.wildrydes.localcloud.runtime;

import com.wildrydes.localcloud.testfunctions.Greeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the runtime client in-process against a fake Runtime API, with real handler classes. */
class LambdaRuntimeClientTest {

    private static final String TRACE = "Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1";

    private FakeRuntimeApi api;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private CompletableFuture<Integer> exitStatus;

    @BeforeEach
    void startApi() throws Exception {
        api = FakeRuntimeApi.start();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        if (exitStatus != null) {
            exitStatus.get(10, TimeUnit.SECONDS);
        }
        System.clearProperty(RuntimeProtocol.TRACE_HEADER_PROPERTY);
    }

    private void startClient(String handler) {
        startClient(handler, new FunctionOutput(stdout));
    }

    private void startClient(String handler, FunctionOutput functionOutput) {
        RuntimeEnvironment environment = new RuntimeEnvironment(api.endpoint(), handler, testClasses(),
                "test-fn", "$LATEST", 256, "/aws/lambda/test-fn", "2026/11/27/[$LATEST]0123456789abcdef");
        RuntimeApi runtimeApi = new RuntimeApi(api.endpoint());
        LambdaRuntimeClient client = new LambdaRuntimeClient(environment, runtimeApi, functionOutput);
        exitStatus = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                exitStatus.complete(client.run(LambdaRuntimeClientTest.class.getClassLoader()));
            } catch (Throwable t) {
                exitStatus.completeExceptionally(t);
            } finally {
                runtimeApi.close();
            }
        });
    }

    static Path testClasses() {
        try {
            return Path.of(Greeter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String output() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pojoHandlerReadsAMapAndAnswersAJsonString() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.Greeter");
        api.enqueue("r-1", "{\"name\":\"Shadowfax\"}");
        api.enqueue("r-2", "{\"name\":\"Rocinante\"}");

        assertThat(api.result("r-1").kind()).isEqualTo("response");
        assertThat(api.result("r-1").text()).isEqualTo("\"Hello, Shadowfax!\"");
        assertThat(api.result("r-2").text()).isEqualTo("\"Hello, Rocinante!\"");
    }

    @Test
    void recordInputTypeIsResolvedThroughAGenericSuperclass() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.LocationMirror");
        api.enqueue("r-1", "{\"latitude\":47.5,\"longitude\":-122.25}");

        assertThat(api.result("r-1").text()).isEqualTo("{\"latitude\":-47.5,\"longitude\":122.25}");
    }

    @Test
    void streamHandlerGetsTheRawPayload() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.UpperCaseStream");
        api.enqueue("r-1", "{\"ride\":\"requested\"}");

        assertThat(api.result("r-1").text()).isEqualTo("{\"RIDE\":\"REQUESTED\"}");
    }

    @Test
    void apiGatewayEventsUseTheEventSerializers() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.ApiEcho");
        api.enqueue("r-1", """
                {"resource":"/ride/{id}","path":"/ride/42","httpMethod":"POST",
                 "headers":{"Content-Type":"application/json"},"multiValueHeaders":{"Content-Type":["application/json"]},
                 "queryStringParameters":null,"pathParameters":{"id":"42"},"stageVariables":null,
                 "requestContext":{"stage":"Prod","requestId":"abc","httpMethod":"POST","path":"/Prod/ride/42"},
                 "body":"{\\"a\\":1}","isBase64Encoded":false}""");

        String response = api.result("r-1").text();
        assertThat(response)
                .contains("\"statusCode\":201")
                .contains("\"body\":\"POST /ride/42 id=42 stage=Prod body={\\\"a\\\":1}\"")
                .contains("\"headers\":{\"Content-Type\":\"text/plain\"}");
    }

    @Test
    void handlerExceptionIsPostedAsAnErrorDocument() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.Failing");
        api.enqueue("r-1", "\"Bucephalus\"");

        FakeRuntimeApi.Posted posted = api.result("r-1");
        assertThat(posted.kind()).isEqualTo("error");
        assertThat(posted.headers()).containsEntry("lambda-runtime-function-error-type", "java.lang.IllegalStateException");
        assertThat(posted.text())
                .startsWith("{\"errorMessage\":\"no unicorn for Bucephalus\",\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":[")
                .contains("\"com.wildrydes.localcloud.testfunctions.Failing.handleRequest(Failing.java:")
                .doesNotContain("com.wildrydes.localcloud.runtime.");
        assertThat(output()).contains("java.lang.IllegalStateException: no unicorn for Bucephalus")
                .contains("Caused by: java.lang.IllegalArgumentException: fleet empty");
    }

    @Test
    void unreadableEventFailsTheInvocationNotTheRuntime() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.Greeter");
        api.enqueue("r-1", "{not json");
        api.enqueue("r-2", "{\"name\":\"Shadowfax\"}");

        assertThat(api.result("r-1").text()).contains("\"errorMessage\":\"An error occurred during JSON parsing\"");
        assertThat(api.result("r-2").text()).isEqualTo("\"Hello, Shadowfax!\"");
    }

    @Test
    void missingClassIsAnInitErrorAndTheRuntimeStops() throws Exception {
        startClient("com.example.Missing::handle");

        FakeRuntimeApi.Posted posted = api.initError();
        assertThat(posted.text()).isEqualTo(
                "{\"errorMessage\":\"Class not found: com.example.Missing\",\"errorType\":\"java.lang.ClassNotFoundException\"}");
        assertThat(exitStatus.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void constructorFailureIsAnInitErrorWithItsException() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.BrokenConstructor");

        FakeRuntimeApi.Posted posted = api.initError();
        assertThat(posted.headers()).containsEntry("lambda-runtime-function-error-type", "java.lang.IllegalStateException");
        assertThat(posted.text()).contains("\"errorMessage\":\"TABLE_NAME is not set\"")
                .contains("BrokenConstructor.<init>(BrokenConstructor.java:");
        assertThat(exitStatus.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void classWithoutHandlerInterfaceIsRefusedAtInit() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.NotAHandler");

        assertThat(api.initError().text()).contains(
                "Class does not implement an appropriate handler interface: com.wildrydes.localcloud.testfunctions.NotAHandler");
    }

    @Test
    void contextAndTraceHeaderComeFromTheInvocationHeaders() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.ContextReporter");
        long deadline = System.currentTimeMillis() + 5_000;
        api.enqueue("r-1", "{}", Map.of(
                "Lambda-Runtime-Trace-Id", TRACE,
                "Lambda-Runtime-Deadline-Ms", Long.toString(deadline),
                "Lambda-Runtime-Client-Context", "{\"client\":{\"app_title\":\"Wild Rydes\"},\"custom\":{\"tier\":\"gold\"},\"env\":{}}",
                "Lambda-Runtime-Cognito-Identity", "{\"cognitoIdentityId\":\"us-east-1:rider\",\"cognitoIdentityPoolId\":\"pool\"}"));
        api.enqueue("r-2", "{}");

        String report = api.result("r-1").text();
        assertThat(report)
                .contains("\"requestId\":\"r-1\"", "\"functionName\":\"test-fn\"", "\"functionVersion\":\"$LATEST\"",
                        "\"invokedFunctionArn\":\"arn:aws:lambda:us-east-1:000000000000:function:test-fn\"",
                        "\"memoryLimitInMB\":256", "\"logGroupName\":\"/aws/lambda/test-fn\"",
                        "\"traceHeader\":\"" + TRACE + "\"", "\"xrayTraceId\":\"" + TRACE + "\"",
                        "\"contextClassLoaderIsFunctions\":true",
                        "\"appTitle\":\"Wild Rydes\"", "\"custom\":{\"tier\":\"gold\"}", "\"identityId\":\"us-east-1:rider\"");
        int remaining = Integer.parseInt(report.replaceAll(".*\"remainingTimeInMillis\":(\\d+).*", "$1"));
        assertThat(remaining).isBetween(1, 5_000);
        // The property belongs to one invocation: the next one, without a trace, must not see it
        // (the runtime's Jackson leaves null values out).
        assertThat(api.result("r-2").text()).contains("\"requestId\":\"r-2\"").doesNotContain("traceHeader");
    }

    @Test
    void invocationOutputEndsWithTheMarkerOnItsOwnLine() throws Exception {
        PrintStream testOut = System.out;
        PrintStream testErr = System.err;
        FunctionOutput functionOutput = new FunctionOutput(stdout);
        System.setOut(functionOutput.printer());
        System.setErr(functionOutput.printer());
        try {
            startClient("com.wildrydes.localcloud.testfunctions.Chatty", functionOutput);
            api.enqueue("r-1", "\"hi\"");
            assertThat(api.result("r-1").text()).isEqualTo("\"done\"");
        } finally {
            System.setOut(testOut);
            System.setErr(testErr);
        }
        assertThat(output()).isEqualTo("""
                out: hi
                err: hi
                logger: hi
                unterminated
                """ + RuntimeProtocol.INVOCATION_OUTPUT_END + "r-1\n");
    }

    @Test
    void methodHandlersFollowTheManagedRuntimeSignatures() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.Methods::shout");
        api.enqueue("r-1", "\"giddy up\"");
        assertThat(api.result("r-1").text()).isEqualTo("\"GIDDY UP!\"");
    }

    @Test
    void overloadEndingInContextWins() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.Methods::describe");
        api.enqueue("r-1", "\"x\"");
        assertThat(api.result("r-1").text()).isEqualTo("\"with context for x\"");
    }

    @Test
    void streamMethodAndVoidMethod() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.Methods::measure");
        api.enqueue("r-1", "12345");
        assertThat(api.result("r-1").text()).isEqualTo("5");
        api.close();
        exitStatus.get(5, TimeUnit.SECONDS);

        api = FakeRuntimeApi.start();
        startClient("com.wildrydes.localcloud.testfunctions.Methods::nothing");
        api.enqueue("r-2", "\"x\"");
        assertThat(api.result("r-2").text()).isEqualTo("null");
    }

    @Test
    void missingMethodIsAnInitError() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.Methods::absent");
        assertThat(api.initError().text()).contains(
                "No public method named absent with appropriate method signature found on class com.wildrydes.localcloud.testfunctions.Methods");
    }

    @Test
    void chunkedRuntimeApiResponsesAreRead() throws Exception {
        api.useChunkedEncoding();
        startClient("com.wildrydes.localcloud.testfunctions.UpperCaseStream");
        api.enqueue("r-1", "chunked ".repeat(2_000));
        assertThat(api.result("r-1").text()).isEqualTo("CHUNKED ".repeat(2_000));
    }

    @Test
    void injectedThrowFailsTheInvocationWithoutCallingTheHandler() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.Greeter");
        api.enqueue("r-1", "{\"name\":\"x\"}", Map.of(RuntimeProtocol.FAULT_HEADER, new InjectedFault.Throw("injected").toHeader()));

        FakeRuntimeApi.Posted posted = api.result("r-1");
        assertThat(posted.kind()).isEqualTo("error");
        assertThat(posted.text()).isEqualTo(
                "{\"errorMessage\":\"injected\",\"errorType\":\"com.wildrydes.localcloud.runtime.InjectedFaultException\",\"stackTrace\":[]}");
    }

    @Test
    void injectedSleepDelaysTheHandler() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.Greeter");
        long start = System.nanoTime();
        api.enqueue("r-1", "{\"name\":\"x\"}", Map.of(RuntimeProtocol.FAULT_HEADER, new InjectedFault.Sleep(300).toHeader()));

        assertThat(api.result("r-1").text()).isEqualTo("\"Hello, x!\"");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(300);
    }

    @Test
    void runEndsWhenTheRuntimeApiGoesAway() throws Exception {
        startClient("com.wildrydes.localcloud.testfunctions.Greeter");
        api.enqueue("r-1", "{\"name\":\"x\"}");
        api.result("r-1");
        api.close();
        assertThat(exitStatus.get(5, TimeUnit.SECONDS)).isZero();
    }
}
