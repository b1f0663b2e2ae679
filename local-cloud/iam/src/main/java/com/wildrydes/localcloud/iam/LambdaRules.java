package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda's REST API: {@code lambda:InvokeFunction}, {@code lambda:GetFunction} and
 * {@code lambda:GetFunctionConfiguration} on the function as the caller named it, and
 * {@code lambda:ListFunctions} on {@code *}. A call through an alias or version is checked against
 * that qualified ARN, as in AWS, where a grant on {@code function:name} does not cover
 * {@code function:name:live}: that is why SAM's LambdaInvokePolicy grants {@code function:name*}.
 */
final class LambdaRules implements ServiceRules {

    private static final String FUNCTIONS = "/2015-03-31/functions";

    private final Arns arns;

    LambdaRules(Arns arns) {
        this.arns = arns;
    }

    @Override
    public String signingName() {
        return "lambda";
    }

    @Override
    public Optional<RequestedAction> requested(AwsRequest request) {
        String path = request.path();
        String method = request.method();
        if (path == null || !path.startsWith(FUNCTIONS)) {
            return Optional.empty();
        }
        if ((path.equals(FUNCTIONS) || path.equals(FUNCTIONS + "/")) && method.equals("GET")) {
            return Optional.of(RequestedAction.on("lambda:ListFunctions", RequestedAction.ANY_RESOURCE));
        }
        if (!path.startsWith(FUNCTIONS + "/")) {
            return Optional.empty();
        }
        String[] parts = path.substring(FUNCTIONS.length() + 1).split("/");
        String action;
        if (parts.length == 1 && method.equals("GET")) {
            action = "lambda:GetFunction";
        } else if (parts.length == 2 && parts[1].equals("configuration") && method.equals("GET")) {
            action = "lambda:GetFunctionConfiguration";
        } else if (parts.length == 2 && parts[1].equals("invocations") && method.equals("POST")) {
            action = "lambda:InvokeFunction";
        } else {
            return Optional.empty();
        }
        try {
            String reference = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            return functionArn(reference, queryParameter(request.rawQuery(), "Qualifier")).map(arn -> RequestedAction.on(action, arn));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code name}, {@code name:qualifier}, {@code account:function:name[:qualifier]} or a full ARN, as
     * Lambda accepts them; a {@code Qualifier} parameter qualifies a reference that has none.
     */
    private Optional<String> functionArn(String reference, String qualifierParameter) {
        String[] parts = reference.split(":", -1);
        String account = null;
        String name;
        String qualifier;
        if (parts[0].equals("arn")) {
            if (parts.length < 7 || parts.length > 8 || !parts[2].equals("lambda") || !parts[5].equals("function")) {
                return Optional.empty();
            }
            if (parts.length == 8 || qualifierParameter == null) {
                return Optional.of(reference);
            }
            return Optional.of(reference + ":" + qualifierParameter);
        } else if (parts.length >= 3 && parts.length <= 4 && parts[1].equals("function")) {
            account = parts[0];
            name = parts[2];
            qualifier = parts.length == 4 ? parts[3] : null;
        } else if (parts.length <= 2) {
            name = parts[0];
            qualifier = parts.length == 2 ? parts[1] : null;
        } else {
            return Optional.empty();
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(arns.function(account, name, qualifier != null ? qualifier : qualifierParameter));
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** 403 with the error type in {@code x-amzn-ErrorType} and the message in {@code Message}, as Lambda sends it. */
    @Override
    public AwsResponse accessDenied(AwsRequest request, String message) {
        return Refusals.json(403, "application/json", null, "Message", message,
                Map.of("x-amzn-ErrorType", "AccessDeniedException"));
    }
}
