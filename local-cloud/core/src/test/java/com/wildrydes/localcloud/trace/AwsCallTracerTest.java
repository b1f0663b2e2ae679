package com.wildrydes.localcloud.trace;

import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class AwsCallTracerTest {

    private static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";
    private static final String HEADER = "Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=0";

    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final AwsCallTracer tracer = new AwsCallTracer(spans::add,
            key -> "FUNCTIONKEY".equals(key) ? Optional.of("RequestUnicorn") : Optional.empty());

    private static AwsRequest request(String service, String path, Map<String, List<String>> headers, String body) {
        return new AwsRequest(service, "us-east-1", "FUNCTIONKEY", "POST", path, null, headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aJsonProtocolCallWithATraceHeaderIsAHopOfThatTrace() {
        AwsRequest request = request("dynamodb", "/", Map.of(
                "x-amzn-trace-id", List.of(HEADER),
                "x-amz-target", List.of("DynamoDB_20120810.GetItem")), "{\"TableName\":\"UnicornsTable\",\"Key\":{}}");

        tracer.served(request, AwsResponse.of(200, "application/x-amz-json-1.0", "{}"), 1_000_000, 4_500_000);

        assertThat(spans).singleElement().satisfies(span -> {
            assertThat(span.traceId()).isEqualTo(ROOT);
            assertThat(span.service()).isEqualTo("DynamoDB");
            assertThat(span.name()).isEqualTo("GetItem");
            assertThat(span.durationMs()).isEqualTo(3.5);
            assertThat(span.status()).isEqualTo("200");
            assertThat(span.failed()).isFalse();
            assertThat(span.detail()).isEqualTo("UnicornsTable from RequestUnicorn");
        });
    }

    @Test
    void queryProtocolCallsAreNamedByTheirActionAndTopic() {
        AwsRequest request = request("sns", "/", Map.of(
                "x-amzn-trace-id", List.of(HEADER),
                "content-type", List.of("application/x-www-form-urlencoded; charset=utf-8")),
                "Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A000000000000%3ARideRequested&Message=%7B%7D");

        tracer.served(request, AwsResponse.of(200, "text/xml", "<ok/>"), 0, 1_000_000);

        assertThat(spans).singleElement().satisfies(span -> {
            assertThat(span.service()).isEqualTo("SNS");
            assertThat(span.name()).isEqualTo("Publish");
            assertThat(span.detail()).isEqualTo("RideRequested from RequestUnicorn");
        });
    }

    @Test
    void aLambdaInvokeNamesTheFunctionItCalled() {
        AwsRequest request = request("lambda", "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A0%3Afunction%3ARequestUnicorn/invocations",
                Map.of("x-amzn-trace-id", List.of(HEADER)), "{}");

        tracer.served(request, AwsResponse.of(500, "application/json", "{}"), 0, 1_000_000);

        assertThat(spans).singleElement().satisfies(span -> {
            assertThat(span.service()).isEqualTo("Lambda");
            assertThat(span.name()).isEqualTo("Invoke");
            assertThat(span.detail()).isEqualTo("RequestUnicorn from RequestUnicorn");
            assertThat(span.failed()).isTrue();
        });
    }

    @Test
    void anInvokeThroughAnAliasNamesTheFunctionAndTheAlias() {
        tracer.served(request("lambda", "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3AFleet%3Alive/invocations",
                Map.of("x-amzn-trace-id", List.of(HEADER)), "{}"), AwsResponse.of(200, "application/json", "{}"), 0, 1);
        tracer.served(request("lambda", "/2015-03-31/functions/Fleet/invocations",
                Map.of("x-amzn-trace-id", List.of(HEADER)), "{}"), AwsResponse.of(200, "application/json", "{}"), 0, 1);

        assertThat(spans).extracting(Span::detail).containsExactly("Fleet:live from RequestUnicorn", "Fleet from RequestUnicorn");
    }

    @Test
    void callsWithoutATraceHeaderAreNotTraced() {
        tracer.served(request("ssm", "/", Map.of("x-amz-target", List.of("AmazonSSM.GetParameter")), "{\"Name\":\"/x\"}"),
                AwsResponse.of(200, "application/json", "{}"), 0, 1);
        tracer.served(request("ssm", "/", Map.of("x-amzn-trace-id", List.of("Parent=1234")), "{}"),
                AwsResponse.of(200, "application/json", "{}"), 0, 1);

        assertThat(spans).isEmpty();
    }
}
