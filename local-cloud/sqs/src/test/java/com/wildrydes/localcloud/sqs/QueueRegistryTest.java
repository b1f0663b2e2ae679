package com.wildrydes.localcloud.sqs;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queue semantics that depend on time, checked with a clock the test moves instead of sleeping. */
class QueueRegistryTest {

    private final ManualClock clock = new ManualClock();
    private final QueueRegistry registry = new QueueRegistry("http://127.0.0.1:1", clock);

    private List<ReceivedMessage> receiveNow(Queue queue, int visibilitySeconds) {
        return queue.receive(10, visibilitySeconds, 0, registry::byArn);
    }

    @Test
    void messagesOlderThanTheRetentionPeriodAreDropped() {
        Queue queue = registry.create("retained", Map.of("MessageRetentionPeriod", "60"), Map.of());
        queue.send("old", Map.of(), Map.of(), null, "me");
        clock.advanceSeconds(30);
        queue.send("new", Map.of(), Map.of(), null, "me");
        clock.advanceSeconds(30);

        assertThat(receiveNow(queue, 30)).extracting(ReceivedMessage::body).containsExactly("new");
    }

    @Test
    void aDelayedMessageAppearsWhenItsDelayPasses() {
        Queue queue = registry.create("delayed", Map.of("DelaySeconds", "10"), Map.of());
        queue.send("queue default", Map.of(), Map.of(), null, "me");
        queue.send("own delay", Map.of(), Map.of(), 20, "me");

        assertThat(queue.depth()).isEqualTo(new QueueDepth(0, 0, 2));
        clock.advanceSeconds(10);
        assertThat(receiveNow(queue, 30)).extracting(ReceivedMessage::body).containsExactly("queue default");
        clock.advanceSeconds(10);
        assertThat(receiveNow(queue, 30)).extracting(ReceivedMessage::body).containsExactly("own delay");
        assertThat(queue.depth()).isEqualTo(new QueueDepth(0, 2, 0));
    }

    @Test
    void visibilityTimeoutsEndOnTheClock() {
        Queue queue = registry.create("visible", Map.of("VisibilityTimeout", "45"), Map.of());
        queue.send("m", Map.of(), Map.of(), null, "me");
        ReceivedMessage first = receiveNow(queue, queue.defaultVisibilityTimeout()).getFirst();

        clock.advanceSeconds(44);
        assertThat(receiveNow(queue, 45)).isEmpty();
        clock.advanceSeconds(1);
        ReceivedMessage second = receiveNow(queue, 45).getFirst();
        assertThat(second.receiveCount()).isEqualTo(2);
        assertThat(second.firstReceivedAt()).isEqualTo(first.firstReceivedAt());
    }

    @Test
    void aRedriveIntoAQueueThatWasDeletedLeavesMessagesWhereTheyAre() {
        Queue deadLetters = registry.create("dlq", Map.of(), Map.of());
        Queue source = registry.create("source", Map.of("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + deadLetters.arn() + "\",\"maxReceiveCount\":1}"), Map.of());
        source.send("m", Map.of(), Map.of(), null, "me");
        registry.delete(deadLetters);

        assertThat(receiveNow(source, 0)).hasSize(1);
        assertThat(receiveNow(source, 0)).hasSize(1);
        assertThat(registry.byArn(deadLetters.arn())).isEqualTo(Optional.empty());
    }

    @Test
    void queueNamesFollowAwsRules() {
        assertThatThrownBy(() -> registry.create("has space", Map.of(), Map.of()))
                .isInstanceOfSatisfying(SqsError.class, e -> assertThat(e.errorCode()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> registry.create("x".repeat(81), Map.of(), Map.of())).isInstanceOf(SqsError.class);
        assertThat(registry.create("x".repeat(80), Map.of(), Map.of()).name()).hasSize(80);
    }

    @Test
    void queueUrlsAreReadByTheirLastPathSegment() {
        assertThat(QueueRegistry.nameFromUrl("http://localhost:4566/000000000000/rides")).isEqualTo("rides");
        assertThat(QueueRegistry.nameFromUrl("https://sqs.us-east-1.amazonaws.com/123456789012/rides/")).isEqualTo("rides");
        assertThatThrownBy(() -> QueueRegistry.nameFromUrl("http://localhost:4566/"))
                .isInstanceOfSatisfying(SqsError.class, e -> assertThat(e.errorCode()).isEqualTo("InvalidAddress"));
    }

    /** A clock that moves only when told to. */
    static final class ManualClock implements InstantSource {
        private Instant now = Instant.parse("2026-11-27T09:41:07.123Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }
    }
}
