package com.wildrydes.localcloud.dynamodb.expression;

import com.wildrydes.localcloud.dynamodb.AttributeValue;
import com.wildrydes.localcloud.dynamodb.Bytes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates conditions and filters against an item. A missing attribute or a comparison between
 * different types makes a comparison false rather than an error, as in DynamoDB; {@code <>} is true
 * whenever {@code =} is not.
 */
public final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    public static boolean test(Condition condition, Map<String, AttributeValue> item) {
        return switch (condition) {
            case Condition.And(Condition left, Condition right) -> test(left, item) && test(right, item);
            case Condition.Or(Condition left, Condition right) -> test(left, item) || test(right, item);
            case Condition.Not(Condition inner) -> !test(inner, item);
            case Condition.Compare(Operand left, Condition.Comparator comparator, Operand right) ->
                    compare(value(left, item), comparator, value(right, item));
            case Condition.Between(Operand operand, Operand lower, Operand upper) -> {
                Optional<AttributeValue> v = value(operand, item);
                yield compare(v, Condition.Comparator.GE, value(lower, item))
                        && compare(v, Condition.Comparator.LE, value(upper, item));
            }
            case Condition.In(Operand operand, List<Operand> candidates) -> {
                Optional<AttributeValue> v = value(operand, item);
                yield v.isPresent() && candidates.stream().anyMatch(c -> v.equals(value(c, item)));
            }
            case Condition.AttributeExists(Path path) -> DocumentPaths.get(item, path).isPresent();
            case Condition.AttributeNotExists(Path path) -> DocumentPaths.get(item, path).isEmpty();
            case Condition.AttributeType(Path path, Operand type) -> {
                Optional<AttributeValue> v = DocumentPaths.get(item, path);
                Optional<AttributeValue> t = value(type, item);
                yield v.isPresent() && t.isPresent() && t.get() instanceof AttributeValue.S(String name)
                        && v.get().type().equals(name);
            }
            case Condition.BeginsWith(Operand operand, Operand prefix) -> beginsWith(value(operand, item), value(prefix, item));
            case Condition.Contains(Operand operand, Operand part) -> contains(value(operand, item), value(part, item));
        };
    }

    /** The value of an operand in a condition: a literal, an attribute, or {@code size(...)}. */
    static Optional<AttributeValue> value(Operand operand, Map<String, AttributeValue> item) {
        return switch (operand) {
            case Operand.Value(String ignored, AttributeValue value) -> Optional.of(value);
            case Operand.PathOperand(Path path) -> DocumentPaths.get(item, path);
            case Operand.Size(Path path) -> DocumentPaths.get(item, path).flatMap(ConditionEvaluator::size);
            default -> throw new IllegalArgumentException("not a condition operand: " + operand);
        };
    }

    private static boolean compare(Optional<AttributeValue> left, Condition.Comparator comparator, Optional<AttributeValue> right) {
        if (comparator == Condition.Comparator.NE) {
            return !compare(left, Condition.Comparator.EQ, right);
        }
        if (left.isEmpty() || right.isEmpty()) {
            return false;
        }
        AttributeValue a = left.get();
        AttributeValue b = right.get();
        if (comparator == Condition.Comparator.EQ) {
            return a.equals(b);
        }
        if (!AttributeValue.isComparableScalar(a, b)) {
            return false;
        }
        int order = AttributeValue.compareScalars(a, b);
        return switch (comparator) {
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
            default -> throw new IllegalStateException(comparator.name());
        };
    }

    private static boolean beginsWith(Optional<AttributeValue> value, Optional<AttributeValue> prefix) {
        if (value.isEmpty() || prefix.isEmpty()) {
            return false;
        }
        if (value.get() instanceof AttributeValue.S(String s) && prefix.get() instanceof AttributeValue.S(String p)) {
            return s.startsWith(p);
        }
        if (value.get() instanceof AttributeValue.B(Bytes b) && prefix.get() instanceof AttributeValue.B(Bytes p)) {
            return b.startsWith(p);
        }
        return false;
    }

    private static boolean contains(Optional<AttributeValue> value, Optional<AttributeValue> part) {
        if (value.isEmpty() || part.isEmpty()) {
            return false;
        }
        AttributeValue p = part.get();
        return switch (value.get()) {
            case AttributeValue.S(String s) -> p instanceof AttributeValue.S(String sub) && s.contains(sub);
            case AttributeValue.B(Bytes b) -> p instanceof AttributeValue.B(Bytes sub) && b.contains(sub);
            case AttributeValue.SS(Set<String> set) -> p instanceof AttributeValue.S(String s) && set.contains(s);
            case AttributeValue.NS(Set<BigDecimal> set) -> p instanceof AttributeValue.N(BigDecimal n) && set.contains(n);
            case AttributeValue.BS(Set<Bytes> set) -> p instanceof AttributeValue.B(Bytes b) && set.contains(b);
            case AttributeValue.L(List<AttributeValue> list) -> list.contains(p);
            default -> false;
        };
    }

    /** {@code size()}: characters of a string, bytes of a binary, elements of a set, list or map. */
    private static Optional<AttributeValue> size(AttributeValue value) {
        long size = switch (value) {
            case AttributeValue.S(String s) -> s.codePointCount(0, s.length());
            case AttributeValue.B(Bytes b) -> b.length();
            case AttributeValue.SS(Set<String> set) -> set.size();
            case AttributeValue.NS(Set<BigDecimal> set) -> set.size();
            case AttributeValue.BS(Set<Bytes> set) -> set.size();
            case AttributeValue.L(List<AttributeValue> list) -> list.size();
            case AttributeValue.M(Map<String, AttributeValue> map) -> map.size();
            default -> -1;
        };
        return size < 0 ? Optional.empty() : Optional.of(new AttributeValue.N(BigDecimal.valueOf(size)));
    }
}
