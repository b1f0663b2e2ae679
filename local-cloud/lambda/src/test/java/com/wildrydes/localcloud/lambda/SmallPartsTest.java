package com.wildrydes.localcloud.lambda;

import com.wildrydes.localcloud.http.AwsServiceException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Function references, invocation outcomes and trace headers. */
class SmallPartsTest {

    @Test
    void functionReferencesInEveryFormAwsAccepts() {
        assertThat(FunctionReference.parse("RequestRide")).isEqualTo(new FunctionReference("RequestRide", null));
        assertThat(FunctionReference.parse("RequestRide:live")).isEqualTo(new FunctionReference("RequestRide", "live"));
        assertThat(FunctionReference.parse("000000000000:function:RequestRide")).isEqualTo(new FunctionReference("RequestRide", null));
        assertThat(FunctionReference.parse("arn:aws:lambda:us-east-1:000000000000:function:RequestRide"))
                .isEqualTo(new FunctionReference("RequestRide", null));
        assertThat(FunctionReference.parse("arn:aws:lambda:us-east-1:000000000000:function:RequestRide:$LATEST"))
                .isEqualTo(new FunctionReference("RequestRide", "$LATEST"));
        assertThatThrownBy(() -> FunctionReference.parse("arn:aws:sqs:us-east-1:000000000000:queue"))
                .isInstanceOf(AwsServiceException.class).hasMessageContaining("is not a Lambda function ARN");
        assertThatThrownBy(() -> FunctionReference.parse(" ")).isInstanceOf(AwsServiceException.class);
    }

    @Test
    void timeoutAndCrashPayloadsAreWordedAsLambdaWordsThem() {
        InvocationOutcome timedOut = new InvocationOutcome.TimedOut("r-1", Instant.parse("2026-11-27T09:41:07Z"), 3);
        assertThat(new String(timedOut.payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"errorMessage\":\"2026-11-27T09:41:07.000Z r-1 Task timed out after 3.00 seconds\"}");
        assertThat(new String(new InvocationOutcome.Crashed("r-2", 1).payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: r-2 Error: Runtime exited with error: exit status 1\"}");
        assertThat(new InvocationOutcome.Crashed("r-3", 137).message()).endsWith("Runtime exited with error: signal: killed");
        assertThat(new InvocationOutcome.Success(new byte[0]).failed()).isFalse();
        assertThat(timedOut.status()).isEqualTo("timeout");
    }

    @Test
    void generatedTraceHeadersHaveXRaysShape() {
        assertThat(TraceHeader.newRoot()).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0");
        assertThat(TraceHeader.newRoot()).isNotEqualTo(TraceHeader.newRoot());
    }

    @Test
    void logTailKeepsTheLast4Kb() {
        PendingInvocation invocation = new PendingInvocation("r", "arn", new byte[0], "t", null, null);
        invocation.log("x".repeat(5000));
        invocation.log("END RequestId: r");
        String tail = new String(Base64.getDecoder().decode(invocation.logTail()), StandardCharsets.UTF_8);
        assertThat(tail).hasSize(4096).endsWith("x\nEND RequestId: r\n");
    }
}
