package com.wildrydes.localcloud.sns;

import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.InvokeResult;
import com.wildrydes.localcloud.lambda.LambdaControl;
import com.wildrydes.localcloud.sqs.SqsService;
import com.wildrydes.localcloud.trace.RecentTraces;
import com.wildrydes.localcloud.trace.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A traced Publish: each delivery is a hop of the publisher's trace, and function subscribers continue it. */
class SnsTracingTest {

    private static final String ROOT = "1-6763a2f1-0123456789abcdef01234567";
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:RecordRide";

    record AsyncInvoke(String function, String traceHeader) {
    }

    private final BlockingQueue<AsyncInvoke> invokes = new LinkedBlockingQueue<>();
    private final RecentTraces traces = new RecentTraces();
    private final SqsService sqs = new SqsService("http://127.0.0.1:4566");
    private final SnsService sns = new SnsService("http://127.0.0.1:4566", new LambdaControl() {
        @Override
        public String invokeAsync(String functionNameOrArn, byte[] payload) {
            return invokeAsync(functionNameOrArn, payload, null);
        }

        @Override
        public String invokeAsync(String functionNameOrArn, byte[] payload, String traceHeader) {
            invokes.add(new AsyncInvoke(functionNameOrArn, traceHeader));
            return "request-id";
        }

        @Override
        public String createFunction(FunctionConfig config) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteFunction(String functionName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InvokeResult invoke(String functionNameOrArn, byte[] payload, String traceHeader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String functionArn(String functionName) {
            return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
        }

        @Override
        public Optional<FunctionConfig> function(String functionNameOrArn) {
            return Optional.empty();
        }

        @Override
        public List<FunctionConfig> functions() {
            return List.of();
        }
    }, sqs, traces);

    @AfterEach
    void stop() {
        sns.close();
    }

    private AwsResponse publish(String topicArn, String traceHeader) {
        String form = "Action=Publish&TopicArn=" + URLEncoder.encode(topicArn, StandardCharsets.UTF_8) + "&Message=%7B%7D";
        Map<String, List<String>> headers = new HashMap<>(Map.of(
                "content-type", List.of("application/x-www-form-urlencoded")));
        if (traceHeader != null) {
            headers.put("x-amzn-trace-id", List.of(traceHeader));
        }
        return sns.handle(new AwsRequest("sns", "us-east-1", "KEY", "POST", "/", null, headers,
                form.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyDeliveryOfATracedPublishIsAHopAndTheFunctionGetsTheTraceHeader() throws Exception {
        String topic = sns.createTopic("RideRequested", Map.of());
        String queueArn = sqs.createQueue("ride-audit", Map.of(), Map.of()).arn();
        sns.subscribe(topic, "lambda", FUNCTION, Map.of());
        sns.subscribe(topic, "sqs", queueArn, Map.of());
        sns.subscribe(topic, "lambda", "arn:aws:lambda:us-east-1:000000000000:function:OnlyGolden",
                Map.of("FilterPolicy", "{\"Color\":[\"Golden\"]}"));
        String header = "Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1";

        assertThat(publish(topic, header).status()).isEqualTo(200);

        AsyncInvoke invoke = invokes.poll(5, TimeUnit.SECONDS);
        assertThat(invoke).isEqualTo(new AsyncInvoke(FUNCTION, header));
        List<Span> spans = awaitSpans(3);
        assertThat(spans).allSatisfy(span -> {
            assertThat(span.service()).isEqualTo("SNS");
            assertThat(span.name()).isEqualTo("Deliver");
        });
        assertThat(spans).extracting(Span::detail, Span::status, Span::failed).containsExactlyInAnyOrder(
                tuple("RideRequested to lambda RecordRide", "delivered", false),
                tuple("RideRequested to sqs ride-audit", "delivered", false),
                tuple("RideRequested to lambda OnlyGolden", "filtered out", false));
    }

    @Test
    void anUntracedPublishRecordsNothingAndInvokesWithoutAHeader() throws Exception {
        String topic = sns.createTopic("Untraced", Map.of());
        sns.subscribe(topic, "lambda", FUNCTION, Map.of());

        assertThat(publish(topic, null).status()).isEqualTo(200);

        assertThat(invokes.poll(5, TimeUnit.SECONDS)).isEqualTo(new AsyncInvoke(FUNCTION, null));
        assertThat(traces.latest(10)).isEmpty();
    }

    private List<Span> awaitSpans(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Span> spans = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            spans = traces.trace(ROOT).map(t -> t.spans()).orElse(List.of());
            if (spans.size() >= count) {
                break;
            }
            Thread.sleep(5);
        }
        return spans;
    }
}
