package com.wildrydes.localcloud.sns;

import com.wildrydes.localcloud.sqs.MessageAttributeValue;
import com.wildrydes.localcloud.sqs.MessageSnapshot;
import com.wildrydes.localcloud.sqs.SqsService;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnsDeadLetterSinkTest {

    @Test
    void aFailedEventIsPublishedWithLambdasErrorAttributes() throws Exception {
        SqsService sqs = new SqsService("http://127.0.0.1:1");
        try (SnsService sns = new SnsService("http://127.0.0.1:1", new RecordingLambda(), sqs)) {
            String topic = sns.createTopic("failed-rides", Map.of());
            String queue = sqs.createQueue("failed-rides-raw", Map.of(), Map.of()).arn();
            sns.subscribe(topic, "sqs", queue, Map.of("RawMessageDelivery", "true"));

            new SnsDeadLetterSink(sns).send(topic, "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8),
                    Map.of("RequestID", "c0ffee", "ErrorCode", "200", "ErrorMessage", "boom"));

            List<MessageSnapshot> delivered = List.of();
            for (int i = 0; i < 100 && delivered.isEmpty(); i++) {
                delivered = sqs.peek(queue, 10);
                if (delivered.isEmpty()) {
                    Thread.sleep(20);
                }
            }
            assertThat(delivered).singleElement().satisfies(message -> {
                assertThat(message.body()).isEqualTo("{\"Records\":[]}");
                assertThat(message.attributes()).isEqualTo(Map.of(
                        "RequestID", MessageAttributeValue.string("c0ffee"),
                        "ErrorCode", MessageAttributeValue.string("200"),
                        "ErrorMessage", MessageAttributeValue.string("boom")));
            });
            assertThatThrownBy(() -> new SnsDeadLetterSink(sns).send("arn:aws:sns:us-east-1:000000000000:gone", new byte[]{'x'}, Map.of()))
                    .isInstanceOfSatisfying(SnsError.class, e -> assertThat(e.errorCode()).isEqualTo("NotFound"));
        }
    }
}
