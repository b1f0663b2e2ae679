package com.wildrydes.localcloud.sqs;

import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * Every queue of the one local account and region, by name, and the mapping between a queue's name,
 * URL ({@code {endpoint}/000000000000/{name}}) and ARN ({@code arn:aws:sqs:us-east-1:000000000000:{name}}).
 */
final class QueueRegistry {

    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    private static final String ARN_PREFIX = "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":";
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final ConcurrentSkipListMap<String, Queue> queues = new ConcurrentSkipListMap<>();
    private final String endpoint;
    private final InstantSource clock;

    QueueRegistry(String endpoint, InstantSource clock) {
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.clock = clock;
    }

    QueueInfo infoFor(String name) {
        return new QueueInfo(name, endpoint + "/" + ACCOUNT + "/" + name, ARN_PREFIX + name);
    }

    /**
     * Creates a queue, or returns the existing one of that name when every attribute given matches it
     * (AWS's idempotent CreateQueue); a differing attribute is a QueueNameExists error.
     */
    synchronized Queue create(String name, Map<String, String> attributes, Map<String, String> tags) {
        if (name.endsWith(".fifo")) {
            throw SqsError.unsupported("local-cloud SQS serves standard queues only; FIFO queues are not supported.");
        }
        if (!QUEUE_NAME.matcher(name).matches()) {
            throw SqsError.invalidParameterValue(
                    "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        Map<String, String> valid = QueueAttributes.validate(attributes, arn -> byArn(arn).isPresent());
        Queue existing = queues.get(name);
        if (existing != null) {
            valid.forEach((attribute, value) -> {
                String current = existing.attribute(attribute);
                if (!Objects.equals(current == null ? "" : current, value)) {
                    throw SqsError.queueNameExists("A queue already exists with the same name and a different value for attribute " + attribute);
                }
            });
            return existing;
        }
        Queue queue = new Queue(infoFor(name), clock, valid, tags);
        queues.put(name, queue);
        return queue;
    }

    void setAttributes(Queue queue, Map<String, String> attributes) {
        queue.setAttributes(QueueAttributes.validate(attributes, arn -> byArn(arn).isPresent()));
    }

    Optional<Queue> byName(String name) {
        return Optional.ofNullable(queues.get(name));
    }

    Optional<Queue> byArn(String arn) {
        return arn != null && arn.startsWith(ARN_PREFIX) ? byName(arn.substring(ARN_PREFIX.length())) : Optional.empty();
    }

    /** The queue a QueueUrl names; its path's last segment is the name, as SQS reads it. */
    Queue byUrl(String url) {
        return byName(nameFromUrl(url)).orElseThrow(SqsError::queueDoesNotExist);
    }

    /** Resolves a queue URL, ARN or bare name, as local-cloud's own callers may hold any of them. */
    Optional<Queue> byReference(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        if (reference.startsWith("arn:")) {
            return byArn(reference);
        }
        if (reference.contains("/")) {
            return byName(nameFromUrl(reference));
        }
        return byName(reference);
    }

    static String nameFromUrl(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            throw SqsError.invalidAddress(url);
        }
        if (path == null || path.isEmpty() || path.equals("/")) {
            throw SqsError.invalidAddress(url);
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** Queues whose names start with {@code prefix} (all for null), in name order. */
    List<Queue> list(String prefix) {
        return queues.values().stream()
                .filter(queue -> prefix == null || queue.name().startsWith(prefix))
                .toList();
    }

    /** Queues whose redrive policy names {@code deadLetterQueue}. */
    List<Queue> sourcesOf(Queue deadLetterQueue) {
        return queues.values().stream()
                .filter(queue -> queue.redrivePolicy()
                        .map(policy -> policy.deadLetterTargetArn().equals(deadLetterQueue.arn()))
                        .orElse(false))
                .toList();
    }

    void delete(Queue queue) {
        queues.remove(queue.name(), queue);
        queue.markDeleted();
    }
}
