package com.wildrydes.localcloud.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.http.AwsCallObserver;
import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;
import com.wildrydes.localcloud.http.FormFields;
import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records the AWS calls a traced request made. Inside a function the AWS SDK sends the invocation's
 * {@code X-Amzn-Trace-Id} with every call (it reads the header the runtime sets per invocation), so
 * each DynamoDB, SNS, SSM or Lambda call the edge serves with that header is a hop of that trace.
 * Calls without the header (the CLI, CloudFormation) are not traced.
 */
public final class AwsCallTracer implements AwsCallObserver {

    private static final Map<String, String> SERVICE_NAMES = Map.of(
            "dynamodb", "DynamoDB", "lambda", "Lambda", "sns", "SNS", "sqs", "SQS", "ssm", "SSM",
            "cloudformation", "CloudFormation", "sts", "STS");
    private static final Pattern LAMBDA_INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
    /** Bodies larger than this are not searched for a resource name: tracing must stay cheap. */
    private static final int MAX_INSPECTED_BODY = 16 * 1024;

    private final TraceRecorder recorder;
    private final Function<String, Optional<String>> callerForAccessKey;

    /**
     * @param callerForAccessKey names the function that signed a call with this access key, if any
     */
    public AwsCallTracer(TraceRecorder recorder, Function<String, Optional<String>> callerForAccessKey) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.callerForAccessKey = Objects.requireNonNull(callerForAccessKey, "callerForAccessKey");
    }

    @Override
    public void served(AwsRequest request, AwsResponse response, long startNanos, long endNanos) {
        Optional<String> root = TraceHeaders.root(request.header(TraceHeaders.NAME));
        if (root.isEmpty()) {
            return;
        }
        String resource = resource(request);
        String caller = callerForAccessKey.apply(request.accessKeyId()).map(name -> "from " + name).orElse("");
        String detail = resource.isEmpty() || caller.isEmpty() ? resource + caller : resource + " " + caller;
        recorder.record(Span.timed(root.get(), serviceName(request.service()), operation(request), startNanos, endNanos)
                .withStatus(Integer.toString(response.status()), response.status() >= 400)
                .withDetail(detail));
    }

    static String serviceName(String signingName) {
        return SERVICE_NAMES.getOrDefault(signingName, signingName);
    }

    /** The operation, however the service's protocol names it: X-Amz-Target, a Query Action, or a REST path. */
    static String operation(AwsRequest request) {
        String target = request.targetOperation();
        if (target != null) {
            return target;
        }
        String action = formValue(request, "Action");
        if (action != null) {
            return action;
        }
        if (LAMBDA_INVOKE.matcher(request.path()).matches()) {
            return "Invoke";
        }
        return request.method() + " " + request.path();
    }

    /** The table, parameter, queue, topic or function the call was about; empty when none is named. */
    static String resource(AwsRequest request) {
        Matcher invoke = LAMBDA_INVOKE.matcher(request.path());
        if (invoke.matches()) {
            return functionReference(URLDecoder.decode(invoke.group(1), StandardCharsets.UTF_8));
        }
        String topic = formValue(request, "TopicArn");
        if (topic != null) {
            return lastPart(topic, ':');
        }
        String queueUrl = formValue(request, "QueueUrl");
        if (queueUrl != null) {
            return lastPart(queueUrl, '/');
        }
        byte[] body = request.body();
        if (body == null || body.length == 0 || body.length > MAX_INSPECTED_BODY || body[0] != '{') {
            return "";
        }
        try {
            JsonNode json = Json.parse(body);
            for (String field : new String[] {"TableName", "Name", "QueueUrl", "FunctionName"}) {
                if (json.path(field).isTextual()) {
                    String value = json.path(field).asText();
                    return field.equals("QueueUrl") ? lastPart(value, '/') : value;
                }
            }
        } catch (IOException notJson) {
            // a body the service itself will refuse; the span keeps no resource
        }
        return "";
    }

    /** A value of the Query protocol, from the query string or a form-encoded body. */
    private static String formValue(AwsRequest request, String name) {
        return FormFields.value(request, name, MAX_INSPECTED_BODY).orElse(null);
    }

    /** A function as Invoke names it, with its alias or version: {@code arn:aws:lambda:...:function:Fleet:live} is {@code Fleet:live}. */
    private static String functionReference(String nameOrArn) {
        int function = nameOrArn.indexOf(":function:");
        return function < 0 ? nameOrArn : nameOrArn.substring(function + ":function:".length());
    }

    private static String lastPart(String value, char separator) {
        return value.substring(value.lastIndexOf(separator) + 1);
    }
}
