package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SSM Parameter Store (awsJson1_1): {@code ssm:<Operation>} on each parameter a call names, on the
 * path for GetParametersByPath, and on {@code *} for DescribeParameters.
 */
final class SsmRules implements ServiceRules {

    private static final Set<String> ON_NAME = Set.of("GetParameter", "PutParameter", "DeleteParameter");
    private static final Set<String> ON_NAMES = Set.of("GetParameters", "DeleteParameters");
    private static final Set<String> MEMBERS = Set.of("Name", "Names", "Path");

    private final Arns arns;

    SsmRules(Arns arns) {
        this.arns = arns;
    }

    @Override
    public String signingName() {
        return "ssm";
    }

    @Override
    public Optional<RequestedAction> requested(AwsRequest request) {
        String operation = request.targetOperation();
        if (operation == null) {
            return Optional.empty();
        }
        String action = "ssm:" + operation;
        if (operation.equals("DescribeParameters")) {
            return Optional.of(RequestedAction.on(action, RequestedAction.ANY_RESOURCE));
        }
        if (!ON_NAME.contains(operation) && !ON_NAMES.contains(operation) && !operation.equals("GetParametersByPath")) {
            return Optional.empty();
        }
        return JsonMembers.read(request.body(), MEMBERS).flatMap(members -> {
            List<String> names = ON_NAMES.contains(operation) ? members.strings("Names")
                    : Optional.ofNullable(members.string(operation.equals("GetParametersByPath") ? "Path" : "Name"))
                    .filter(name -> !name.isEmpty()).map(List::of).orElse(List.of());
            return names.isEmpty() ? Optional.empty()
                    : Optional.of(new RequestedAction(action, names.stream().map(arns::parameter).toList()));
        });
    }

    @Override
    public AwsResponse accessDenied(AwsRequest request, String message) {
        return Refusals.json(400, "application/x-amz-json-1.1",
                "AccessDeniedException", "message", message,
                Map.of("x-amzn-ErrorType", "AccessDeniedException"));
    }
}
