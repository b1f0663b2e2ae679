package com.wildrydes.localcloud.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A statement's {@code Condition}, compiled: every operator and key must hold (AND), and a key
 * holds when any of its values matches (OR), negated operators holding when none does, as IAM
 * evaluates them. Only the string, ARN, Bool and Null operators on the keys a {@link CallContext}
 * carries are understood; anything else makes the block {@link #unsupported() unsupported}.
 */
final class ConditionBlock {

    static final ConditionBlock NONE = new ConditionBlock(List.of(), null);

    private enum Operator {
        STRING_EQUALS, STRING_NOT_EQUALS, STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE,
        STRING_LIKE, STRING_NOT_LIKE, ARN_LIKE, ARN_NOT_LIKE, BOOL, NULL;

        boolean negated() {
            return this == STRING_NOT_EQUALS || this == STRING_NOT_EQUALS_IGNORE_CASE || this == STRING_NOT_LIKE || this == ARN_NOT_LIKE;
        }
    }

    private static final Map<String, Operator> OPERATORS = Map.ofEntries(
            Map.entry("StringEquals", Operator.STRING_EQUALS),
            Map.entry("StringNotEquals", Operator.STRING_NOT_EQUALS),
            Map.entry("StringEqualsIgnoreCase", Operator.STRING_EQUALS_IGNORE_CASE),
            Map.entry("StringNotEqualsIgnoreCase", Operator.STRING_NOT_EQUALS_IGNORE_CASE),
            Map.entry("StringLike", Operator.STRING_LIKE),
            Map.entry("StringNotLike", Operator.STRING_NOT_LIKE),
            // IAM treats ArnEquals as ArnLike: both take wildcards
            Map.entry("ArnEquals", Operator.ARN_LIKE),
            Map.entry("ArnLike", Operator.ARN_LIKE),
            Map.entry("ArnNotEquals", Operator.ARN_NOT_LIKE),
            Map.entry("ArnNotLike", Operator.ARN_NOT_LIKE),
            Map.entry("Bool", Operator.BOOL),
            Map.entry("Null", Operator.NULL));

    private record Clause(Operator operator, String key, List<String> values, List<ArnPattern> arns) {

        static Clause of(Operator operator, String key, List<String> values) {
            boolean arn = operator == Operator.ARN_LIKE || operator == Operator.ARN_NOT_LIKE;
            return new Clause(operator, key, values, arn ? values.stream().map(ArnPattern::new).toList() : List.of());
        }

        boolean holds(Map<String, String> context) {
            String actual = context.get(key);
            if (operator == Operator.NULL) {
                // "true" asks that the key be absent; the keys understood here are always present
                return values.stream().anyMatch(v -> v.equalsIgnoreCase("false"));
            }
            boolean any = false;
            for (int i = 0; actual != null && i < values.size() && !any; i++) {
                any = matches(i, actual);
            }
            return operator.negated() != any;
        }

        private boolean matches(int value, String actual) {
            String expected = values.get(value);
            return switch (operator) {
                case STRING_EQUALS, STRING_NOT_EQUALS -> expected.equals(actual);
                case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> expected.equalsIgnoreCase(actual);
                case STRING_LIKE, STRING_NOT_LIKE -> Wildcard.matches(expected, actual);
                case ARN_LIKE, ARN_NOT_LIKE -> arns.get(value).matches(actual);
                case BOOL -> expected.equalsIgnoreCase(actual);
                case NULL -> throw new IllegalStateException("Null is decided by presence");
            };
        }
    }

    private final List<Clause> clauses;
    private final String unsupported;

    private ConditionBlock(List<Clause> clauses, String unsupported) {
        this.clauses = clauses;
        this.unsupported = unsupported;
    }

    static ConditionBlock compile(Map<String, Object> condition) {
        if (condition == null || condition.isEmpty()) {
            return NONE;
        }
        List<Clause> clauses = new ArrayList<>();
        for (Map.Entry<String, Object> byOperator : condition.entrySet()) {
            String name = byOperator.getKey();
            String base = name.endsWith("IfExists") ? name.substring(0, name.length() - "IfExists".length()) : name;
            Operator operator = OPERATORS.get(base);
            if (operator == null) {
                return new ConditionBlock(List.of(), "the condition operator " + name + " (supported: "
                        + String.join(", ", new TreeSet<>(OPERATORS.keySet())) + ", each also ...IfExists)");
            }
            if (!(byOperator.getValue() instanceof Map<?, ?> keys)) {
                return new ConditionBlock(List.of(), "the condition operator " + name + ", which does not map keys to values");
            }
            for (Map.Entry<?, ?> byKey : keys.entrySet()) {
                String key = String.valueOf(byKey.getKey()).toLowerCase(Locale.ROOT);
                if (!CallContext.KEYS.contains(key)) {
                    return new ConditionBlock(List.of(), "the condition key " + byKey.getKey() + " (supported: "
                            + String.join(", ", new TreeSet<>(CallContext.KEY_NAMES)) + ")");
                }
                List<String> values = byKey.getValue() instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(byKey.getValue()));
                clauses.add(Clause.of(operator, key, values));
            }
        }
        return new ConditionBlock(List.copyOf(clauses), null);
    }

    /** What local-cloud cannot evaluate in this block, if anything; such a statement never applies. */
    Optional<String> unsupported() {
        return Optional.ofNullable(unsupported);
    }

    boolean holds(Map<String, String> context) {
        if (unsupported != null) {
            return false;
        }
        for (Clause clause : clauses) {
            if (!clause.holds(context)) {
                return false;
            }
        }
        return true;
    }
}
