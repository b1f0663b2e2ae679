package com.wildrydes.localcloud.dynamodb.expression;

import com.wildrydes.localcloud.dynamodb.AttributeValue;
import com.wildrydes.localcloud.dynamodb.AttributeValueJson;
import com.wildrydes.localcloud.dynamodb.Bytes;
import com.wildrydes.localcloud.dynamodb.DynamoDbErrors;
import com.wildrydes.localcloud.http.AwsServiceException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies an update expression to an item. Every right-hand side is evaluated against the item as it was
 * before the update, as DynamoDB does; removals from one list run from the highest index down so that
 * each index means what it meant in the original list.
 */
public final class UpdateApplier {

    private static final Comparator<Path> HIGHEST_INDEX_FIRST = UpdateApplier::comparePaths;

    private UpdateApplier() {
    }

    public static Map<String, AttributeValue> apply(UpdateExpression update, Map<String, AttributeValue> original) {
        List<Map.Entry<Path, AttributeValue>> sets = new ArrayList<>();
        for (UpdateExpression.Action action : update.actions()) {
            if (action instanceof UpdateExpression.Set(Path path, Operand value)) {
                sets.add(Map.entry(path, evaluate(value, original)));
            }
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>(original);
        for (Map.Entry<Path, AttributeValue> set : sets) {
            item = DocumentPaths.set(item, set.getKey(), set.getValue());
        }
        List<Path> removals = new ArrayList<>();
        for (UpdateExpression.Action action : update.actions()) {
            switch (action) {
                case UpdateExpression.Add(Path path, Operand.Value value) -> item = add(item, path, value.value());
                case UpdateExpression.Delete(Path path, Operand.Value value) -> item = delete(item, path, value.value());
                case UpdateExpression.Remove(Path path) -> removals.add(path);
                case UpdateExpression.Set ignored -> {
                }
            }
        }
        removals.sort(HIGHEST_INDEX_FIRST);
        for (Path path : removals) {
            item = DocumentPaths.remove(item, path);
        }
        return item;
    }

    private static AttributeValue evaluate(Operand operand, Map<String, AttributeValue> item) {
        return switch (operand) {
            case Operand.Value(String ignored, AttributeValue value) -> value;
            case Operand.PathOperand(Path path) -> DocumentPaths.get(item, path).orElseThrow(() ->
                    DynamoDbErrors.validation("The provided expression refers to an attribute that does not exist in the item"));
            case Operand.IfNotExists(Path path, Operand fallback) ->
                    DocumentPaths.get(item, path).orElseGet(() -> evaluate(fallback, item));
            case Operand.ListAppend(Operand first, Operand second) -> {
                AttributeValue a = evaluate(first, item);
                AttributeValue b = evaluate(second, item);
                if (!(a instanceof AttributeValue.L(List<AttributeValue> x))) {
                    throw incorrectOperand("list_append", a);
                }
                if (!(b instanceof AttributeValue.L(List<AttributeValue> y))) {
                    throw incorrectOperand("list_append", b);
                }
                List<AttributeValue> joined = new ArrayList<>(x);
                joined.addAll(y);
                yield new AttributeValue.L(joined);
            }
            case Operand.Arithmetic(Operand left, char operator, Operand right) -> {
                AttributeValue a = evaluate(left, item);
                AttributeValue b = evaluate(right, item);
                if (!(a instanceof AttributeValue.N(BigDecimal x))) {
                    throw incorrectOperand(String.valueOf(operator), a);
                }
                if (!(b instanceof AttributeValue.N(BigDecimal y))) {
                    throw incorrectOperand(String.valueOf(operator), b);
                }
                yield new AttributeValue.N(AttributeValueJson.checkedNumber(operator == '+' ? x.add(y) : x.subtract(y)));
            }
            case Operand.Size ignored -> throw new IllegalStateException("size() is refused in update expressions by the parser");
        };
    }

    private static Map<String, AttributeValue> add(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        Optional<AttributeValue> current = DocumentPaths.get(item, path);
        if (current.isEmpty()) {
            return DocumentPaths.set(item, path, value);
        }
        AttributeValue sum = switch (current.get()) {
            case AttributeValue.N(BigDecimal x) when value instanceof AttributeValue.N(BigDecimal y) ->
                    new AttributeValue.N(AttributeValueJson.checkedNumber(x.add(y)));
            case AttributeValue.SS(Set<String> x) when value instanceof AttributeValue.SS(Set<String> y) ->
                    new AttributeValue.SS(union(x, y));
            case AttributeValue.NS(Set<BigDecimal> x) when value instanceof AttributeValue.NS(Set<BigDecimal> y) ->
                    new AttributeValue.NS(union(x, y));
            case AttributeValue.BS(Set<Bytes> x) when value instanceof AttributeValue.BS(Set<Bytes> y) ->
                    new AttributeValue.BS(union(x, y));
            default -> throw incorrectType();
        };
        return DocumentPaths.set(item, path, sum);
    }

    private static Map<String, AttributeValue> delete(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        Optional<AttributeValue> current = DocumentPaths.get(item, path);
        if (current.isEmpty()) {
            return item;
        }
        Optional<AttributeValue> rest = switch (current.get()) {
            case AttributeValue.SS(Set<String> x) when value instanceof AttributeValue.SS(Set<String> y) ->
                    nonEmpty(minus(x, y)).map(AttributeValue.SS::new);
            case AttributeValue.NS(Set<BigDecimal> x) when value instanceof AttributeValue.NS(Set<BigDecimal> y) ->
                    nonEmpty(minus(x, y)).map(AttributeValue.NS::new);
            case AttributeValue.BS(Set<Bytes> x) when value instanceof AttributeValue.BS(Set<Bytes> y) ->
                    nonEmpty(minus(x, y)).map(AttributeValue.BS::new);
            default -> throw incorrectType();
        };
        return rest.isPresent() ? DocumentPaths.set(item, path, rest.get()) : DocumentPaths.remove(item, path);
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.addAll(b);
        return result;
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static <T> Optional<Set<T>> nonEmpty(Set<T> set) {
        return set.isEmpty() ? Optional.empty() : Optional.of(set);
    }

    /** A value of the wrong type where an operator or function needs a number or a list. */
    private static AwsServiceException incorrectOperand(String operatorOrFunction, AttributeValue operand) {
        return ExpressionParser.invalid(ExpressionKind.UPDATE, "Incorrect operand type for operator or function; operator or function: "
                + operatorOrFunction + ", operand type: " + operand.type());
    }

    /** ADD or DELETE of a value whose type does not match the attribute's. */
    private static AwsServiceException incorrectType() {
        return DynamoDbErrors.validation("An operand in the update expression has an incorrect data type");
    }

    /** Reverse document order: for two indexes into one list, the higher comes first. */
    private static int comparePaths(Path a, Path b) {
        int common = Math.min(a.elements().size(), b.elements().size());
        for (int i = 0; i < common; i++) {
            Path.Element x = a.elements().get(i);
            Path.Element y = b.elements().get(i);
            int order;
            if (x instanceof Path.Index(int i1) && y instanceof Path.Index(int i2)) {
                order = Integer.compare(i2, i1);
            } else {
                order = x.toString().compareTo(y.toString());
            }
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(b.elements().size(), a.elements().size());
    }
}
