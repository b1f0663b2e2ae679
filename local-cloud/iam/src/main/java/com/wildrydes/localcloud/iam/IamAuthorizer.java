package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.cloudformation.PolicyStatement;
import com.wildrydes.localcloud.http.AwsCallAuthorizer;
import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * IAM for the functions local-cloud runs: a call signed with a function's access key is checked
 * against the statements of that function's execution role before its service sees it, and refused
 * with the error, status and wording AWS sends. Calls signed with any other key (the AWS CLI, the
 * console, tests) are not a function's, so they keep full access, as an administrator would have.
 *
 * <p>Checked: DynamoDB, SSM, SQS, SNS and Lambda, for every operation local-cloud serves. An operation
 * it does not serve passes, for the service to refuse with the list of what it supports.
 */
public final class IamAuthorizer implements AwsCallAuthorizer {

    private static final Logger LOG = Logger.getLogger(IamAuthorizer.class.getName());
    private static final int MAX_REMEMBERED_NOTICES = 1_000;

    private final Function<String, Optional<RoleSession>> sessions;
    private final Function<String, Optional<List<PolicyStatement>>> rolePolicies;
    private final Map<String, ServiceRules> rules;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
    private final Set<String> noticed = ConcurrentHashMap.newKeySet();

    /** A role's statements with their compiled form, kept while the role's statement list is the same object. */
    private record Compiled(List<PolicyStatement> statements, RolePolicy policy) {
    }

    /**
     * @param sessions     the role session of the function that signs with an access key; empty for any other caller
     * @param rolePolicies a role's statements; empty for a role local-cloud did not create, whose calls then pass
     *                     with a warning, since its policies cannot be known here
     * @param region       the region the services build their ARNs in
     * @param accountId    the account the services build their ARNs in
     */
    public IamAuthorizer(Function<String, Optional<RoleSession>> sessions,
                         Function<String, Optional<List<PolicyStatement>>> rolePolicies,
                         String region, String accountId) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.rolePolicies = Objects.requireNonNull(rolePolicies, "rolePolicies");
        Arns arns = new Arns(Objects.requireNonNull(region, "region"), Objects.requireNonNull(accountId, "accountId"));
        this.rules = Stream.of(new DynamoDbRules(arns), new SsmRules(arns), new SqsRules(arns), new SnsRules(arns), new LambdaRules(arns))
                .collect(Collectors.toUnmodifiableMap(ServiceRules::signingName, r -> r));
    }

    @Override
    public Optional<AwsResponse> refuse(AwsRequest request) {
        if (request.accessKeyId() == null) {
            return Optional.empty();
        }
        ServiceRules service = rules.get(request.service());
        if (service == null) {
            return Optional.empty();
        }
        Optional<RoleSession> session = sessions.apply(request.accessKeyId());
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<RequestedAction> requested = service.requested(request);
        if (requested.isEmpty()) {
            return Optional.empty();
        }
        return refusal(service, request, session.get(), requested.get());
    }

    private Optional<AwsResponse> refusal(ServiceRules service, AwsRequest request, RoleSession session, RequestedAction requested) {
        Optional<List<PolicyStatement>> statements = rolePolicies.apply(session.roleArn());
        if (statements.isEmpty()) {
            noticeOnce("role " + session.roleArn(), () -> "IAM: " + session.sessionName() + " runs with the role " + session.roleArn()
                    + ", which no stack in local-cloud created, so its policies are unknown and its calls are not checked");
            return Optional.empty();
        }
        RolePolicy policy = policy(session.roleArn(), statements.get());
        Map<String, String> context = policy.needsContext() ? CallContext.of(request.region(), session) : Map.of();
        String action = requested.lowerCaseAction();
        for (String resource : requested.resources()) {
            Decision decision = policy.decide(action, resource, context);
            if (decision != Decision.ALLOWED) {
                String message = message(session, service.displayed(requested.action()), resource, decision);
                noticeOnce("refused " + message, () -> "IAM refused a call of " + session.sessionName() + ": " + message);
                return Optional.of(service.accessDenied(request, message));
            }
        }
        return Optional.empty();
    }

    /** AWS's wording for a refused call. */
    static String message(RoleSession session, String displayedAction, String resource, Decision decision) {
        String refused = "User: " + session.assumedRoleArn() + " is not authorized to perform: " + displayedAction
                + " on resource: " + resource;
        return decision == Decision.EXPLICITLY_DENIED
                ? refused + " with an explicit deny in an identity-based policy"
                : refused + " because no identity-based policy allows the " + displayedAction + " action";
    }

    private RolePolicy policy(String roleArn, List<PolicyStatement> statements) {
        Compiled current = compiled.get(roleArn);
        if (current != null && current.statements() == statements) {
            return current.policy();
        }
        RolePolicy policy = new RolePolicy(statements, (statement, unsupported) -> noticeOnce(
                "condition " + roleArn + " " + statement,
                () -> "IAM: a statement of " + roleArn + " (from " + statement.source() + ", " + statement.effect() + " "
                        + statement.actions() + ") has a condition local-cloud cannot evaluate, " + unsupported
                        + ", so the statement is treated as not applying"));
        compiled.put(roleArn, new Compiled(statements, policy));
        return policy;
    }

    /** Logs a notice the first time it arises; bounded, so that a long run cannot grow the memory of them without end. */
    private void noticeOnce(String key, Supplier<String> notice) {
        if (noticed.size() < MAX_REMEMBERED_NOTICES && noticed.add(key)) {
            LOG.warning(notice);
        }
    }
}
