package com.wildrydes.localcloud.sqs;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One standard queue: its attributes and its messages, with at-least-once delivery, visibility
 * timeouts, delays, retention, long polling and redrive to a dead-letter queue.
 *
 * <p>Message state is computed from the clock when it is looked at, so no timers run: a message whose
 * visibility timeout has passed is simply visible again. Long polls wait on a condition that sends and
 * visibility changes signal, and otherwise wake when the next hidden message becomes visible.
 */
final class Queue {

    private final QueueInfo info;
    private final InstantSource clock;
    private final long createdAt;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final LinkedHashMap<String, QueueMessage> messages = new LinkedHashMap<>();
    private final Map<String, String> attributes = new LinkedHashMap<>(QueueAttributes.DEFAULTS);
    private final Map<String, String> tags = new LinkedHashMap<>();
    private long lastModifiedAt;
    private boolean deleted;

    Queue(QueueInfo info, InstantSource clock, Map<String, String> validatedAttributes, Map<String, String> tags) {
        this.info = info;
        this.clock = clock;
        this.createdAt = clock.millis();
        this.lastModifiedAt = createdAt;
        applyAttributes(validatedAttributes);
        this.tags.putAll(tags);
    }

    QueueInfo info() {
        return info;
    }

    String name() {
        return info.name();
    }

    String arn() {
        return info.arn();
    }

    /** The attributes a caller can set, as stored (defaults included, removed ones absent). */
    String attribute(String name) {
        lock.lock();
        try {
            return attributes.get(name);
        } finally {
            lock.unlock();
        }
    }

    void setAttributes(Map<String, String> validated) {
        lock.lock();
        try {
            applyAttributes(validated);
            lastModifiedAt = clock.millis();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void applyAttributes(Map<String, String> validated) {
        validated.forEach((name, value) -> {
            if (value.isEmpty()) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        });
    }

    Optional<RedrivePolicy> redrivePolicy() {
        return RedrivePolicy.fromAttribute(attribute(QueueAttributes.REDRIVE_POLICY));
    }

    /** Every attribute, computed ones included, in the order AWS lists them. */
    Map<String, String> allAttributes() {
        lock.lock();
        try {
            long now = clock.millis();
            QueueDepth depth = depthAt(now);
            Map<String, String> all = new LinkedHashMap<>();
            all.put("QueueArn", info.arn());
            all.put("ApproximateNumberOfMessages", Integer.toString(depth.visible()));
            all.put("ApproximateNumberOfMessagesNotVisible", Integer.toString(depth.inFlight()));
            all.put("ApproximateNumberOfMessagesDelayed", Integer.toString(depth.delayed()));
            all.put("CreatedTimestamp", Long.toString(createdAt / 1000));
            all.put("LastModifiedTimestamp", Long.toString(lastModifiedAt / 1000));
            all.putAll(attributes);
            return all;
        } finally {
            lock.unlock();
        }
    }

    Map<String, String> tags() {
        lock.lock();
        try {
            return Map.copyOf(tags);
        } finally {
            lock.unlock();
        }
    }

    void tag(Map<String, String> added) {
        lock.lock();
        try {
            tags.putAll(added);
        } finally {
            lock.unlock();
        }
    }

    void untag(Collection<String> keys) {
        lock.lock();
        try {
            keys.forEach(tags::remove);
        } finally {
            lock.unlock();
        }
    }

    int maximumMessageSize() {
        return Integer.parseInt(attribute(QueueAttributes.MAXIMUM_MESSAGE_SIZE));
    }

    int defaultVisibilityTimeout() {
        return Integer.parseInt(attribute(QueueAttributes.VISIBILITY_TIMEOUT));
    }

    int defaultWaitTimeSeconds() {
        return Integer.parseInt(attribute(QueueAttributes.RECEIVE_MESSAGE_WAIT_TIME_SECONDS));
    }

    /** Stores a message; a null delay means the queue's DelaySeconds. */
    QueueMessage send(String body, Map<String, MessageAttributeValue> messageAttributes,
                      Map<String, MessageAttributeValue> systemAttributes, Integer delaySeconds, String senderId) {
        lock.lock();
        try {
            long now = clock.millis();
            int delay = delaySeconds != null ? delaySeconds : Integer.parseInt(attributes.get(QueueAttributes.DELAY_SECONDS));
            QueueMessage message = new QueueMessage(UUID.randomUUID().toString(), body, messageAttributes,
                    systemAttributes, senderId, now, null, now + delay * 1000L);
            store(message);
            return message;
        } finally {
            lock.unlock();
        }
    }

    /** Takes a message that another queue's redrive policy sent here. */
    void acceptDeadLetter(QueueMessage message, String sourceArn) {
        lock.lock();
        try {
            store(message.movedFrom(sourceArn, clock.millis()));
        } finally {
            lock.unlock();
        }
    }

    private void store(QueueMessage message) {
        if (deleted) {
            throw SqsError.queueDoesNotExist();
        }
        messages.put(message.messageId, message);
        changed.signalAll();
    }

    /**
     * Receives up to {@code max} visible messages, hiding each for {@code visibilityTimeout} seconds,
     * waiting up to {@code waitMillis} for one to arrive. Messages received more often than the redrive
     * policy allows move to the dead-letter queue instead of being returned.
     *
     * @param queuesByArn finds the dead-letter queue named by the redrive policy
     */
    List<ReceivedMessage> receive(int max, int visibilityTimeout, long waitMillis,
                                  Function<String, Optional<Queue>> queuesByArn) {
        long deadline = clock.millis() + waitMillis;
        while (true) {
            Optional<RedrivePolicy> redrive = redrivePolicy();
            Optional<Queue> deadLetterQueue = redrive.flatMap(policy -> queuesByArn.apply(policy.deadLetterTargetArn()));
            List<QueueMessage> toDeadLetter = new ArrayList<>();
            List<ReceivedMessage> received = new ArrayList<>();
            lock.lock();
            try {
                if (deleted) {
                    return List.of();
                }
                long now = clock.millis();
                dropExpired(now);
                for (Iterator<QueueMessage> it = messages.values().iterator(); it.hasNext() && received.size() < max; ) {
                    QueueMessage message = it.next();
                    if (message.visibleAt > now) {
                        continue;
                    }
                    if (deadLetterQueue.isPresent() && message.receiveCount >= redrive.get().maxReceiveCount()) {
                        it.remove();
                        toDeadLetter.add(message);
                        continue;
                    }
                    received.add(deliver(message, now, visibilityTimeout));
                }
                if (received.isEmpty() && toDeadLetter.isEmpty()) {
                    long remaining = deadline - now;
                    if (remaining <= 0) {
                        return List.of();
                    }
                    long untilNextVisible = nextVisibleAt().map(at -> at - now).orElse(Long.MAX_VALUE);
                    if (!await(Math.max(1, Math.min(remaining, untilNextVisible)))) {
                        return List.of();
                    }
                    continue;
                }
            } finally {
                lock.unlock();
            }
            // outside this queue's lock, so that two queues redriving into each other cannot deadlock
            toDeadLetter.forEach(message -> deadLetterQueue.get().acceptDeadLetter(message, info.arn()));
            if (!received.isEmpty()) {
                return received;
            }
        }
    }

    private ReceivedMessage deliver(QueueMessage message, long now, int visibilityTimeout) {
        message.receiveCount++;
        if (message.firstReceivedAt == 0) {
            message.firstReceivedAt = now;
        }
        message.visibleAt = now + visibilityTimeout * 1000L;
        message.receiptNonce = UUID.randomUUID().toString();
        return new ReceivedMessage(message.messageId,
                new ReceiptHandle(message.messageId, message.receiptNonce).encode(),
                message.body, message.attributes, message.systemAttributes, message.senderId, message.sentAt,
                message.receiveCount, message.firstReceivedAt, message.deadLetterSourceArn);
    }

    /** Waits for a change; false if interrupted (the server is stopping). */
    private boolean await(long millis) {
        try {
            changed.await(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Optional<Long> nextVisibleAt() {
        return messages.values().stream().map(m -> m.visibleAt).min(Long::compare);
    }

    /** Deletes the message if {@code handle} is its latest receipt; a stale or spent handle changes nothing, as in AWS. */
    void delete(ReceiptHandle handle) {
        lock.lock();
        try {
            QueueMessage message = messages.get(handle.messageId());
            if (message != null && handle.nonce().equals(message.receiptNonce)) {
                messages.remove(handle.messageId());
            }
        } finally {
            lock.unlock();
        }
    }

    void changeVisibility(ReceiptHandle handle, String encodedHandle, int seconds) {
        lock.lock();
        try {
            long now = clock.millis();
            QueueMessage message = messages.get(handle.messageId());
            if (message == null || !handle.nonce().equals(message.receiptNonce)) {
                throw SqsError.invalidParameterValue("Value " + encodedHandle + " for parameter ReceiptHandle is invalid. "
                        + "Reason: Message does not exist or is not available for visibility timeout change.");
            }
            if (!message.inFlight(now)) {
                throw SqsError.messageNotInflight();
            }
            message.visibleAt = now + seconds * 1000L;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void purge() {
        lock.lock();
        try {
            messages.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Marks the queue gone and releases its long polls, which then return no messages. */
    void markDeleted() {
        lock.lock();
        try {
            deleted = true;
            messages.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    QueueDepth depth() {
        lock.lock();
        try {
            return depthAt(clock.millis());
        } finally {
            lock.unlock();
        }
    }

    private QueueDepth depthAt(long now) {
        dropExpired(now);
        int visible = 0;
        int inFlight = 0;
        int delayed = 0;
        for (QueueMessage message : messages.values()) {
            if (message.inFlight(now)) {
                inFlight++;
            } else if (message.delayed(now)) {
                delayed++;
            } else {
                visible++;
            }
        }
        return new QueueDepth(visible, inFlight, delayed);
    }

    List<MessageSnapshot> peek(int max) {
        lock.lock();
        try {
            long now = clock.millis();
            dropExpired(now);
            return messages.values().stream().limit(max).map(m -> new MessageSnapshot(
                    m.messageId, m.body, m.attributes, Instant.ofEpochMilli(m.sentAt), m.receiveCount,
                    m.inFlight(now) ? MessageSnapshot.State.IN_FLIGHT
                            : m.delayed(now) ? MessageSnapshot.State.DELAYED : MessageSnapshot.State.VISIBLE))
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    private void dropExpired(long now) {
        long retentionMillis = Long.parseLong(attributes.get(QueueAttributes.MESSAGE_RETENTION_PERIOD)) * 1000L;
        messages.values().removeIf(message -> message.sentAt + retentionMillis <= now);
    }
}
