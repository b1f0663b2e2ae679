package com.wildrydes.workshop.compare;

import com.wildrydes.localcloud.trace.Span;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CriticalPathTest {

    private static final String ROOT = "1-6763a2f1-0123456789abcdef01234567";
    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    private static Span span(String service, String name, double startMs, double durationMs, String detail) {
        return new Span(ROOT, name, service, T0.plusNanos((long) (startMs * 1e6)), durationMs, false, 0, "", false, detail);
    }

    /** Stage 01's shape, with the delivered RecordRide finishing before the rider's response: still off the path. */
    private static List<Span> asynchronousRide() {
        List<Span> spans = new ArrayList<>(List.of(
                span("API Gateway", "POST /ride", 0, 40, "wild-rydes (a1)"),
                span("Lambda", "wild-rydes-RequestRide", 1, 37, "RequestId r1"),
                span("API Gateway", "GET /unicorn", 3, 15, "wild-rydes-ride-fleet (a2)"),
                span("Lambda", "wild-rydes-ride-fleet-RequestUnicorn", 4, 12, "RequestId u1"),
                span("DynamoDB", "Scan", 6, 3, "UnicornsTable from wild-rydes-ride-fleet-RequestUnicorn"),
                span("SNS", "Publish", 20, 4, "RideTopic from wild-rydes-RequestRide"),
                span("SNS", "Deliver", 22, 1, "RideTopic to lambda wild-rydes-ride-record-RecordRide"),
                span("Lambda", "wild-rydes-ride-record-RecordRide", 24, 8, "RequestId d1"),
                span("DynamoDB", "PutItem", 26, 3, "RideRecordTable from wild-rydes-ride-record-RecordRide")));
        java.util.Collections.shuffle(spans, new java.util.Random(3));
        return spans;
    }

    @Test
    void leavesHandedOffWorkOffThePathEvenWhenItFinishesFirst() {
        CriticalPath path = CriticalPath.of(asynchronousRide());

        assertThat(path.rendering())
                .isEqualTo("API Gateway → RequestRide → API Gateway → RequestUnicorn → DynamoDB Scan; SNS Publish");
        assertThat(path.hopCount()).isEqualTo(6);
        assertThat(path.hops()).extracting(CriticalPath.Hop::label)
                .containsExactly("API Gateway", "RequestRide", "API Gateway", "RequestUnicorn", "DynamoDB Scan", "SNS Publish");
    }

    @Test
    void aFunctionsOwnTimeIsItsDurationLessTheCallsItWaitedFor() {
        CriticalPath path = CriticalPath.of(asynchronousRide());

        CriticalPath.Hop requestRide = path.hops().get(1);
        assertThat(requestRide.requestId()).isEqualTo("r1");
        assertThat(requestRide.calleesMs()).isEqualTo(15 + 4);
        assertThat(requestRide.selfMs()).isEqualTo(37 - 19);
    }

    @Test
    void synchronousCallsAfterOneAnotherAreSeparatedAndHopsAfterTheResponseAreNotOnThePath() {
        List<Span> baseline = List.of(
                span("API Gateway", "POST /ride", 0, 60, ""),
                span("Lambda", "wild-rydes-RequestRide", 1, 57, "RequestId r1"),
                span("API Gateway", "GET /unicorn", 3, 15, ""),
                span("Lambda", "wild-rydes-ride-fleet-RequestUnicorn", 4, 12, "RequestId u1"),
                span("DynamoDB", "Scan", 6, 3, "UnicornsTable from wild-rydes-ride-fleet-RequestUnicorn"),
                span("API Gateway", "POST /record", 20, 30, ""),
                span("Lambda", "wild-rydes-ride-record-PutRideRecord", 21, 27, "RequestId p1"),
                span("DynamoDB", "PutItem", 23, 3, "RideRecordTable from wild-rydes-ride-record-PutRideRecord"),
                span("SSM", "GetParameter", 70, 2, "from wild-rydes-RequestRide"));

        assertThat(CriticalPath.of(baseline).rendering()).isEqualTo("API Gateway → RequestRide → API Gateway → RequestUnicorn "
                + "→ DynamoDB Scan; API Gateway → PutRideRecord → DynamoDB PutItem");
    }

    @Test
    void aDirectInvokeIsOnThePathAsTheCallAndTheInvokedFunction() {
        List<Span> direct = List.of(
                span("API Gateway", "POST /ride", 0, 30, ""),
                span("Lambda", "wild-rydes-RequestRide", 1, 27, "RequestId r1"),
                span("Lambda", "Invoke", 2, 10, "wild-rydes-ride-fleet-RequestUnicornInvoke:live from wild-rydes-RequestRide"),
                span("Lambda", "wild-rydes-ride-fleet-RequestUnicornInvoke", 3, 8, "RequestId u1"),
                span("DynamoDB", "Scan", 4, 3, "UnicornsTable from wild-rydes-ride-fleet-RequestUnicornInvoke"),
                span("SNS", "Publish", 14, 4, "RideTopic from wild-rydes-RequestRide"));

        assertThat(CriticalPath.of(direct).rendering())
                .isEqualTo("API Gateway → RequestRide → Lambda Invoke → RequestUnicornInvoke → DynamoDB Scan; SNS Publish");
    }
}
