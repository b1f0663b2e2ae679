package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;

import java.util.Optional;
import java.util.Set;

/**
 * SNS (Query protocol): {@code sns:<Action>} on the topic a call names, on the topic a subscription
 * belongs to for the subscription actions, and on {@code *} for ListTopics and ListSubscriptions.
 */
final class SnsRules implements ServiceRules {

    private static final Set<String> ON_TOPIC = Set.of(
            "DeleteTopic", "GetTopicAttributes", "SetTopicAttributes", "Publish", "Subscribe", "ListSubscriptionsByTopic");
    private static final Set<String> ON_SUBSCRIPTION = Set.of("Unsubscribe", "GetSubscriptionAttributes", "SetSubscriptionAttributes");
    private static final Set<String> ON_ANY = Set.of("ListTopics", "ListSubscriptions");
    private static final Set<String> MEMBERS = Set.of("Action", "TopicArn", "TargetArn", "Name", "SubscriptionArn");
    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final Arns arns;

    SnsRules(Arns arns) {
        this.arns = arns;
    }

    @Override
    public String signingName() {
        return "sns";
    }

    @Override
    public Optional<RequestedAction> requested(AwsRequest request) {
        return FormMembers.read(request.rawQuery(), request.body(), MEMBERS).flatMap(this::requested);
    }

    private Optional<RequestedAction> requested(FormMembers form) {
        String operation = form.get("Action");
        if (operation == null) {
            return Optional.empty();
        }
        String action = "sns:" + operation;
        String resource;
        if (ON_ANY.contains(operation)) {
            resource = RequestedAction.ANY_RESOURCE;
        } else if (operation.equals("CreateTopic")) {
            resource = nonEmpty(form.get("Name")) ? arns.topic(form.get("Name")) : null;
        } else if (operation.equals("Publish")) {
            // a publish to a platform endpoint names it as TargetArn; local-cloud refuses that itself
            resource = nonEmpty(form.get("TopicArn")) ? form.get("TopicArn") : form.get("TargetArn");
        } else if (ON_TOPIC.contains(operation)) {
            resource = form.get("TopicArn");
        } else if (ON_SUBSCRIPTION.contains(operation)) {
            resource = topicOf(form.get("SubscriptionArn"));
        } else {
            return Optional.empty();
        }
        return nonEmpty(resource) ? Optional.of(RequestedAction.on(action, resource)) : Optional.empty();
    }

    /** {@code arn:aws:sns:<region>:<account>:<topic>:<id>} belongs to the topic before its last segment. */
    private static String topicOf(String subscriptionArn) {
        if (subscriptionArn == null || !subscriptionArn.startsWith("arn:") || subscriptionArn.split(":").length != 7) {
            return null;
        }
        return subscriptionArn.substring(0, subscriptionArn.lastIndexOf(':'));
    }

    private static boolean nonEmpty(String value) {
        return value != null && !value.isEmpty();
    }

    /** SNS spells the service in capitals in its messages ({@code SNS:Publish}). */
    @Override
    public String displayed(String action) {
        return "SNS" + action.substring(action.indexOf(':'));
    }

    @Override
    public AwsResponse accessDenied(AwsRequest request, String message) {
        return Refusals.queryXml(403, NAMESPACE, "AuthorizationError", message, false);
    }
}
