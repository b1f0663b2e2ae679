package com.wildrydes.localcloud.sqs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqsDeadLetterSinkTest {

    private final SqsService sqs = new SqsService("http://127.0.0.1:1");
    private final SqsDeadLetterSink sink = new SqsDeadLetterSink(sqs);

    @Test
    void aFailedEventBecomesAMessageWithLambdasErrorAttributes() {
        QueueInfo dlq = sqs.createQueue("ride-record-dlq", Map.of(), Map.of());

        sink.send(dlq.arn(), "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8), Map.of(
                "RequestID", "c0ffee", "ErrorCode", "200", "ErrorMessage", "boom"));

        MessageSnapshot message = sqs.peek(dlq.url(), 10).getFirst();
        assertThat(message.body()).isEqualTo("{\"Records\":[]}");
        assertThat(message.attributes()).isEqualTo(Map.of(
                "RequestID", MessageAttributeValue.string("c0ffee"),
                "ErrorCode", MessageAttributeValue.string("200"),
                "ErrorMessage", MessageAttributeValue.string("boom")));
    }

    @Test
    void aMissingQueueOrANonQueueArnIsReported() {
        assertThatThrownBy(() -> sink.send("arn:aws:sqs:us-east-1:000000000000:gone", new byte[]{'x'}, Map.of()))
                .isInstanceOfSatisfying(SqsError.class, e -> assertThat(e.errorCode()).isEqualTo("QueueDoesNotExist"));
        assertThatThrownBy(() -> sink.send("arn:aws:sns:us-east-1:000000000000:topic", new byte[]{'x'}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
