package com.wildrydes.localcloud.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.json.Json;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

/**
 * The documents SNS delivers: the SNSEvent a Lambda function receives and the JSON envelope an SQS
 * queue receives. Their key names differ on purpose, as in AWS: Lambda's record says
 * {@code SigningCertUrl}/{@code UnsubscribeUrl}, the envelope {@code SigningCertURL}/{@code UnsubscribeURL}.
 */
final class SnsEnvelopes {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String endpoint;

    /** @param endpoint the edge URL, which the certificate and unsubscribe URLs point at */
    SnsEnvelopes(String endpoint) {
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    /** One SNSEvent with one record, as Lambda invokes a subscribed function with. */
    byte[] lambdaEvent(Subscription subscription, Notification notification) {
        String message = notification.messageFor("lambda");
        ObjectNode event = Json.object();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", subscription.arn());
        ObjectNode sns = record.putObject("Sns");
        sns.put("Type", "Notification");
        sns.put("MessageId", notification.messageId());
        sns.put("TopicArn", notification.topicArn());
        sns.put("Subject", notification.subject());
        sns.put("Message", message);
        sns.put("Timestamp", TIMESTAMP.format(notification.timestamp()));
        sns.put("SignatureVersion", "1");
        sns.put("Signature", signature(notification, message));
        sns.put("SigningCertUrl", signingCertUrl());
        sns.put("UnsubscribeUrl", unsubscribeUrl(subscription));
        sns.set("MessageAttributes", attributes(notification.attributes()));
        return Json.bytes(event);
    }

    /** The JSON document an SQS subscriber without raw delivery receives as its message body. */
    String sqsEnvelope(Subscription subscription, Notification notification) {
        String message = notification.messageFor("sqs");
        ObjectNode envelope = Json.object();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", notification.messageId());
        envelope.put("TopicArn", notification.topicArn());
        if (notification.subject() != null) {
            envelope.put("Subject", notification.subject());
        }
        envelope.put("Message", message);
        envelope.put("Timestamp", TIMESTAMP.format(notification.timestamp()));
        envelope.put("SignatureVersion", "1");
        envelope.put("Signature", signature(notification, message));
        envelope.put("SigningCertURL", signingCertUrl());
        envelope.put("UnsubscribeURL", unsubscribeUrl(subscription));
        if (!notification.attributes().isEmpty()) {
            envelope.set("MessageAttributes", attributes(notification.attributes()));
        }
        try {
            // SNS writes the envelope indented with " : " separators, which this printer reproduces
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode attributes(Map<String, SnsMessageAttribute> attributes) {
        ObjectNode node = Json.object();
        attributes.forEach((name, attribute) -> node.putObject(name)
                .put("Type", attribute.dataType())
                .put("Value", attribute.value()));
        return node;
    }

    private String signingCertUrl() {
        return endpoint + "/SimpleNotificationService-localcloud.pem";
    }

    private String unsubscribeUrl(Subscription subscription) {
        return endpoint + "/?Action=Unsubscribe&SubscriptionArn=" + subscription.arn();
    }

    /**
     * A digest of the string SNS signs, in the place of AWS's RSA signature. local-cloud holds no AWS
     * signing key, so subscribers that verify signatures must not do so against it.
     */
    private static String signature(Notification notification, String message) {
        StringBuilder signed = new StringBuilder()
                .append("Message\n").append(message).append('\n')
                .append("MessageId\n").append(notification.messageId()).append('\n');
        if (notification.subject() != null) {
            signed.append("Subject\n").append(notification.subject()).append('\n');
        }
        signed.append("Timestamp\n").append(TIMESTAMP.format(notification.timestamp())).append('\n')
                .append("TopicArn\n").append(notification.topicArn()).append('\n')
                .append("Type\nNotification\n");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(signed.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
