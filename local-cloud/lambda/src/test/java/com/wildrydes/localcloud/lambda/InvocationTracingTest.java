package com.wildrydes.localcloud.lambda;

import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;
import com.wildrydes.localcloud.trace.RecentTraces;
import com.wildrydes.localcloud.trace.Span;
import com.wildrydes.localcloud.trace.Trace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every invocation is a span of the trace its header names, marked cold or warm. */
class InvocationTracingTest {

    private static final String ROOT = "1-6763a2f1-0123456789abcdef01234567";

    @TempDir
    static Path artifacts;
    static final RecentTraces traces = new RecentTraces();
    static LambdaService lambda;

    @BeforeAll
    static void start() throws Exception {
        Path jar = FunctionArtifacts.jar(artifacts);
        lambda = new LambdaService("us-east-1", "000000000000", () -> "http://127.0.0.1:4566", (target, event, attributes) -> { },
                LambdaOptions.defaults().withAsyncRetryBaseDelay(Duration.ofMillis(50)).withLogSink(new RecordingLogSink()),
                traces);
        // One function per test: the cold-start test needs a function no other test has warmed.
        Map.of("ColdThenWarm", "Echo", "TracedEcho", "Echo", "TracedThrow", "Throw").forEach((name, handler) ->
                lambda.createFunction(new FunctionConfig(name, "com.wildrydes.localcloud.testfunctions." + handler,
                        "java21", jar, 256, 10, Map.of(), null, new AsyncConfig(0, 60, null))));
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstInvokeIsColdWithItsInitTimeAndTheNextIsWarm() {
        String header = "Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1";
        lambda.invoke("ColdThenWarm", bytes("{\"n\":1}"), header);
        lambda.invoke("ColdThenWarm", bytes("{\"n\":2}"), header);

        List<Span> spans = traces.trace(ROOT).orElseThrow().spans();
        assertThat(spans).hasSize(2).allSatisfy(span -> {
            assertThat(span.service()).isEqualTo("Lambda");
            assertThat(span.name()).isEqualTo("ColdThenWarm");
            assertThat(span.status()).isEqualTo("success");
            assertThat(span.failed()).isFalse();
            assertThat(span.detail()).matches("RequestId [0-9a-f-]{36}");
        });
        Span cold = spans.get(0);
        Span warm = spans.get(1);
        assertThat(cold.coldStart()).isTrue();
        assertThat(cold.initDurationMs()).isPositive().isLessThan(cold.durationMs());
        assertThat(warm.coldStart()).isFalse();
        assertThat(warm.initDurationMs()).isZero();
        assertThat(warm.start()).isAfterOrEqualTo(cold.end());
    }

    @Test
    void aFailedInvocationIsAFailedSpan() {
        String root = "1-6763a2f1-00000000000000000000fa11";
        lambda.invoke("TracedThrow", bytes("{}"), "Root=" + root);

        Span span = traces.trace(root).orElseThrow().spans().getFirst();
        assertThat(span.status()).isEqualTo("error");
        assertThat(span.failed()).isTrue();
    }

    @Test
    void anAsynchronousInvokeContinuesTheCallersTrace() throws Exception {
        String root = "1-6763a2f1-000000000000000000000a5c";
        lambda.invokeAsync("TracedEcho", bytes("{}"), "Root=" + root + ";Parent=1111111111111111;Sampled=1");

        assertThat(awaitTrace(root)).hasValueSatisfying(trace ->
                assertThat(trace.spans()).extracting(Span::name).containsExactly("TracedEcho"));
    }

    @Test
    void anEventInvokeThroughTheInvokeApiCarriesTheCallersTraceHeader() throws Exception {
        String root = "1-6763a2f1-00000000000000000000e7e1";
        AwsResponse accepted = lambda.handle(new AwsRequest("lambda", "us-east-1", "KEY", "POST",
                "/2015-03-31/functions/TracedEcho/invocations", null,
                Map.of("x-amz-invocation-type", List.of("Event"), "x-amzn-trace-id", List.of("Root=" + root)), bytes("{}")));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(awaitTrace(root)).isPresent();
    }

    @Test
    void anInvokeWithoutAHeaderStartsATraceOfItsOwn() {
        int before = traces.latest(1000).size();
        lambda.invoke("TracedEcho", bytes("{}"), null);

        assertThat(traces.latest(1000)).hasSize(before + 1);
        assertThat(traces.latest(1).getFirst().spans()).extracting(Span::name).containsExactly("TracedEcho");
    }

    private static Optional<Trace> awaitTrace(String root) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (traces.trace(root).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return traces.trace(root);
    }
}
