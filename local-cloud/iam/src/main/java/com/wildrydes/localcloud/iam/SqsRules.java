package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * SQS over both its protocols: {@code sqs:<Operation>} on the queue its {@code QueueUrl} (or, for
 * CreateQueue and GetQueueUrl, its {@code QueueName}) names, and on {@code *} for ListQueues. A
 * batch needs its single-message action, as in AWS: SendMessageBatch is {@code sqs:SendMessage}.
 */
final class SqsRules implements ServiceRules {

    private static final Set<String> ON_QUEUE_URL = Set.of(
            "GetQueueAttributes", "SetQueueAttributes", "DeleteQueue", "PurgeQueue", "SendMessage", "SendMessageBatch",
            "ReceiveMessage", "DeleteMessage", "DeleteMessageBatch", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch",
            "ListDeadLetterSourceQueues", "TagQueue", "UntagQueue", "ListQueueTags");
    private static final Set<String> ON_QUEUE_NAME = Set.of("CreateQueue", "GetQueueUrl");
    private static final Set<String> MEMBERS = Set.of("QueueUrl", "QueueName", "QueueOwnerAWSAccountId");
    private static final Set<String> QUERY_MEMBERS = Set.of("Action", "QueueUrl", "QueueName", "QueueOwnerAWSAccountId");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final String QUERY_NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";

    private final Arns arns;

    SqsRules(Arns arns) {
        this.arns = arns;
    }

    @Override
    public String signingName() {
        return "sqs";
    }

    private static boolean isJson(AwsRequest request) {
        return request.header("x-amz-target") != null;
    }

    @Override
    public Optional<RequestedAction> requested(AwsRequest request) {
        Optional<Members> members = isJson(request)
                ? JsonMembers.read(request.body(), MEMBERS).map(json -> new Members(request.targetOperation(), json::string))
                : FormMembers.read(request.rawQuery(), request.body(), QUERY_MEMBERS).map(form -> new Members(form.get("Action"), form::get));
        return members.flatMap(m -> requested(m, request.path()));
    }

    private record Members(String operation, Function<String, String> values) {
    }

    private Optional<RequestedAction> requested(Members members, String path) {
        String operation = members.operation();
        if (operation == null) {
            return Optional.empty();
        }
        String action = "sqs:" + (operation.endsWith("Batch") ? operation.substring(0, operation.length() - "Batch".length()) : operation);
        if (operation.equals("ListQueues")) {
            return Optional.of(RequestedAction.on(action, RequestedAction.ANY_RESOURCE));
        }
        if (ON_QUEUE_NAME.contains(operation)) {
            String name = members.values().apply("QueueName");
            return name == null || name.isEmpty() ? Optional.empty()
                    : Optional.of(RequestedAction.on(action, arns.queue(members.values().apply("QueueOwnerAWSAccountId"), name)));
        }
        if (!ON_QUEUE_URL.contains(operation)) {
            return Optional.empty();
        }
        String url = members.values().apply("QueueUrl");
        if ((url == null || url.isEmpty()) && path != null && !path.equals("/") && !path.isEmpty()) {
            // a Query client may post to the queue's URL instead of naming it
            url = path;
        }
        return url == null || url.isEmpty() ? Optional.empty() : queueArn(url).map(arn -> RequestedAction.on(action, arn));
    }

    /** {@code <endpoint>/<account>/<name>}: SQS reads the name from the last path segment, the owner from the one before. */
    private Optional<String> queueArn(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        String name = trimmed.substring(slash + 1);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String before = slash <= 0 ? "" : trimmed.substring(trimmed.lastIndexOf('/', slash - 1) + 1, slash);
        return Optional.of(arns.queue(ACCOUNT.matcher(before).matches() ? before : null, name));
    }

    /** SQS spells actions in lower case in its messages ({@code sqs:sendmessage}). */
    @Override
    public String displayed(String action) {
        return action.toLowerCase(Locale.ROOT);
    }

    /**
     * 403 either way. Over JSON the Query protocol's code rides in {@code x-amzn-query-error}, which is
     * what SDKs report as the error code ({@code AccessDenied}), as they do against SQS.
     */
    @Override
    public AwsResponse accessDenied(AwsRequest request, String message) {
        if (isJson(request)) {
            return Refusals.json(403, "application/x-amz-json-1.0", "com.amazon.coral.service#AccessDeniedException", "Message", message,
                    Map.of("x-amzn-query-error", "AccessDenied;Sender"));
        }
        return Refusals.queryXml(403, QUERY_NAMESPACE, "AccessDenied", message, true);
    }
}
