package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.cloudformation.PolicyStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Every statement of one role, compiled for evaluation as IAM evaluates identity-based policies:
 * an explicit Deny wins, then any Allow, and without either the call is implicitly denied.
 * Actions match case-insensitively with {@code *} and {@code ?}; resources case-sensitively.
 */
final class RolePolicy {

    private record Statement(boolean deny, List<String> actionPatterns, List<ArnPattern> resources,
                             ConditionBlock condition) {

        boolean appliesTo(String lowerCaseAction, String resource, String[] resourceSegments, Map<String, String> context) {
            return matchesAction(lowerCaseAction) && matchesResource(resource, resourceSegments)
                    && (condition == ConditionBlock.NONE || condition.holds(context));
        }

        private boolean matchesAction(String lowerCaseAction) {
            for (String pattern : actionPatterns) {
                if (Wildcard.matches(pattern, lowerCaseAction)) {
                    return true;
                }
            }
            return false;
        }

        private boolean matchesResource(String resource, String[] segments) {
            for (ArnPattern pattern : resources) {
                if (pattern.matches(resource, segments)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Statement> statements;
    private final boolean hasConditions;

    /**
     * @param unsupported told of each statement whose condition local-cloud cannot evaluate, with what
     *                    it cannot; such a statement never applies
     */
    RolePolicy(List<PolicyStatement> policyStatements, BiConsumer<PolicyStatement, String> unsupported) {
        List<Statement> compiled = new ArrayList<>();
        boolean conditions = false;
        for (PolicyStatement statement : policyStatements) {
            ConditionBlock condition = ConditionBlock.compile(statement.condition());
            condition.unsupported().ifPresent(reason -> unsupported.accept(statement, reason));
            conditions |= condition != ConditionBlock.NONE;
            compiled.add(new Statement(
                    statement.effect().equals("Deny"),
                    statement.actions().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList(),
                    statement.resources().stream().map(ArnPattern::new).toList(),
                    condition));
        }
        this.statements = List.copyOf(compiled);
        this.hasConditions = conditions;
    }

    /** Whether any statement has a condition, so that callers build a context only when one is needed. */
    boolean needsContext() {
        return hasConditions;
    }

    /**
     * @param context the condition keys, from {@link CallContext}; may be empty when {@link #needsContext()} is false
     */
    Decision decide(String lowerCaseAction, String resource, Map<String, String> context) {
        String[] segments = ArnPattern.split(resource);
        boolean allowed = false;
        for (Statement statement : statements) {
            if (statement.appliesTo(lowerCaseAction, resource, segments, context)) {
                if (statement.deny()) {
                    return Decision.EXPLICITLY_DENIED;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOWED : Decision.IMPLICITLY_DENIED;
    }
}
