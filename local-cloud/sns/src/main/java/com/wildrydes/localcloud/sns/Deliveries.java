package com.wildrydes.localcloud.sns;

import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.lambda.LambdaControl;
import com.wildrydes.localcloud.sqs.MessageAttributeValue;
import com.wildrydes.localcloud.sqs.SqsService;
import com.wildrydes.localcloud.trace.Span;
import com.wildrydes.localcloud.trace.TraceHeaders;
import com.wildrydes.localcloud.trace.TraceRecorder;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands published messages to subscribers after Publish has answered. One worker delivers them in
 * publish order; each delivery only queues work (an asynchronous Lambda invoke, an SQS send), so
 * one slow subscriber does not hold up the others for long.
 */
final class Deliveries implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());
    private static final String DELIVERED = "delivered";
    private static final String FILTERED_OUT = "filtered out";
    private static final String FAILED = "failed";

    private final LambdaControl lambda;
    private final SqsService sqs;
    private final SnsEnvelopes envelopes;
    private final TraceRecorder traces;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("sns-delivery").factory());

    Deliveries(LambdaControl lambda, SqsService sqs, SnsEnvelopes envelopes, TraceRecorder traces) {
        this.lambda = lambda;
        this.sqs = sqs;
        this.envelopes = envelopes;
        this.traces = traces;
    }

    /** @param traceHeader the publisher's, carried on to function subscribers; null when untraced */
    void dispatch(Notification notification, List<Subscription> subscriptions, String traceHeader) {
        long publishedNanos = System.nanoTime();
        try {
            worker.execute(() -> subscriptions.forEach(subscription -> {
                String outcome = deliver(subscription, notification, traceHeader);
                trace(traceHeader, subscription, notification, outcome, publishedNanos);
            }));
        } catch (RejectedExecutionException stopping) {
            LOG.warning("SNS is stopping; message " + notification.messageId() + " was not delivered");
        }
    }

    /** A delivery as a hop of the publisher's trace: from Publish until the subscriber has the message. */
    private void trace(String traceHeader, Subscription subscription, Notification notification, String outcome,
                       long publishedNanos) {
        TraceHeaders.root(traceHeader).ifPresent(root -> traces.record(
                Span.timed(root, "SNS", "Deliver", publishedNanos, System.nanoTime())
                        .withStatus(outcome, outcome.equals(FAILED))
                        .withDetail(shortName(notification.topicArn()) + " to " + subscription.protocol() + " "
                                + shortName(subscription.endpoint()))));
    }

    /** A topic, queue or function by name: {@code arn:aws:lambda:...:function:RecordRide[:alias]} is RecordRide. */
    private static String shortName(String arn) {
        int function = arn.indexOf(":function:");
        if (function >= 0) {
            String name = arn.substring(function + ":function:".length());
            return name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        }
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    /** Returns how it went: {@value DELIVERED}, {@value FILTERED_OUT} or {@value FAILED}. */
    private String deliver(Subscription subscription, Notification notification, String traceHeader) {
        boolean wanted = subscription.filterPolicy()
                .map(policy -> policy.matches(notification.attributes(), notification.messageFor(subscription.protocol())))
                .orElse(true);
        if (!wanted) {
            subscription.filteredOut.incrementAndGet();
            return FILTERED_OUT;
        }
        try {
            switch (subscription.protocol()) {
                case "lambda" -> lambda.invokeAsync(subscription.endpoint(), envelopes.lambdaEvent(subscription, notification),
                        traceHeader);
                case "sqs" -> sendToQueue(subscription, notification);
                default -> throw new IllegalStateException("no delivery for protocol " + subscription.protocol());
            }
            subscription.delivered.incrementAndGet();
            return DELIVERED;
        } catch (AwsServiceException e) {
            // the endpoint refused it, as a deleted queue or function does; AWS drops such messages too
            subscription.failed.incrementAndGet();
            LOG.warning("SNS could not deliver message " + notification.messageId() + " to "
                    + subscription.endpoint() + ": " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            subscription.failed.incrementAndGet();
            LOG.log(Level.WARNING, "SNS failed delivering message " + notification.messageId() + " to "
                    + subscription.endpoint(), e);
            return FAILED;
        }
    }

    private void sendToQueue(Subscription subscription, Notification notification) {
        if (subscription.rawMessageDelivery()) {
            sqs.sendMessage(subscription.endpoint(), notification.messageFor("sqs"), queueAttributes(notification.attributes()));
        } else {
            sqs.sendMessage(subscription.endpoint(), envelopes.sqsEnvelope(subscription, notification), Map.of());
        }
    }

    /** Raw delivery carries message attributes over as SQS message attributes of the same types. */
    private static Map<String, MessageAttributeValue> queueAttributes(Map<String, SnsMessageAttribute> attributes) {
        Map<String, MessageAttributeValue> converted = new LinkedHashMap<>();
        attributes.forEach((name, attribute) -> converted.put(name, attribute.isBinary()
                ? new MessageAttributeValue(attribute.dataType(), null, Base64.getDecoder().decode(attribute.value()))
                : new MessageAttributeValue(attribute.dataType(), attribute.value(), null)));
        return converted;
    }

    /** Delivers what was already published, briefly, then stops. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(2, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
