package com.wildrydes.localcloud.dynamodb;

import com.wildrydes.localcloud.dynamodb.expression.Condition;
import com.wildrydes.localcloud.dynamodb.expression.Operand;
import com.wildrydes.localcloud.dynamodb.expression.Path;
import com.wildrydes.localcloud.http.AwsServiceException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A Query's key condition, checked against the table's key schema and turned into a key range:
 * an equality on the hash key and at most one of {@code = < <= > >= BETWEEN begins_with} on the range key.
 */
record KeyCondition(AttributeValue hash, PrimaryKey lower, boolean lowerInclusive,
                    PrimaryKey upper, boolean upperInclusive, Optional<AttributeValue> prefix) {

    static KeyCondition of(Condition condition, TableSchema schema) {
        List<Condition> parts = new ArrayList<>();
        flatten(condition, parts);
        if (parts.size() > 2) {
            throw DynamoDbErrors.validation("Conditions can be of length 1 or 2 only");
        }
        Map<String, Condition> byAttribute = new LinkedHashMap<>();
        for (Condition part : parts) {
            String attribute = keyAttribute(part);
            if (byAttribute.put(attribute, part) != null) {
                throw DynamoDbErrors.validation("KeyConditionExpressions must only contain one condition per key");
            }
        }
        for (String attribute : byAttribute.keySet()) {
            if (!schema.isKeyAttribute(attribute)) {
                throw DynamoDbErrors.validation("Query key condition not supported");
            }
        }
        TableSchema.KeyAttribute hashKey = schema.hashKey();
        Condition hashCondition = byAttribute.get(hashKey.name());
        if (hashCondition == null) {
            throw DynamoDbErrors.validation("Query condition missed key schema element: " + hashKey.name());
        }
        if (!(hashCondition instanceof Condition.Compare compare) || compare.comparator() != Condition.Comparator.EQ) {
            throw DynamoDbErrors.validation("Query key condition not supported");
        }
        AttributeValue hash = typed(literal(compare), hashKey);
        KeyCondition whole = new KeyCondition(hash, PrimaryKey.first(hash), true, PrimaryKey.last(hash), true, Optional.empty());
        Optional<TableSchema.KeyAttribute> rangeKey = schema.rangeKey();
        if (rangeKey.isEmpty() || !byAttribute.containsKey(rangeKey.get().name())) {
            return whole;
        }
        TableSchema.KeyAttribute range = rangeKey.get();
        return switch (byAttribute.get(range.name())) {
            case Condition.Compare c -> {
                PrimaryKey at = PrimaryKey.of(hash, typed(literal(c), range));
                yield switch (c.comparator()) {
                    case EQ -> new KeyCondition(hash, at, true, at, true, Optional.empty());
                    case LT -> new KeyCondition(hash, whole.lower, true, at, false, Optional.empty());
                    case LE -> new KeyCondition(hash, whole.lower, true, at, true, Optional.empty());
                    case GT -> new KeyCondition(hash, at, false, whole.upper, true, Optional.empty());
                    case GE -> new KeyCondition(hash, at, true, whole.upper, true, Optional.empty());
                    case NE -> throw invalidOperator("<>");
                };
            }
            case Condition.Between b -> new KeyCondition(hash,
                    PrimaryKey.of(hash, typed(value(b.lower()), range)), true,
                    PrimaryKey.of(hash, typed(value(b.upper()), range)), true, Optional.empty());
            case Condition.BeginsWith w -> {
                AttributeValue prefix = typed(value(w.prefix()), range);
                if (prefix instanceof AttributeValue.N) {
                    throw DynamoDbErrors.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or function; "
                            + "operator or function: begins_with, operand type: N");
                }
                yield new KeyCondition(hash, PrimaryKey.of(hash, prefix), true, whole.upper, true, Optional.of(prefix));
            }
            default -> throw new IllegalStateException("checked by keyAttribute");
        };
    }

    /** For begins_with: whether a key in the range matches; matches are contiguous in key order. */
    Predicate<PrimaryKey> matcher() {
        if (prefix.isEmpty()) {
            return key -> true;
        }
        return switch (prefix.get()) {
            case AttributeValue.S(String p) -> key -> key.range() instanceof AttributeValue.S(String s) && s.startsWith(p);
            case AttributeValue.B(Bytes p) -> key -> key.range() instanceof AttributeValue.B(Bytes b) && b.startsWith(p);
            default -> key -> false;
        };
    }

    /** Narrows the range to keys after (or, backwards, before) an ExclusiveStartKey. */
    KeyCondition startingAfter(PrimaryKey start, boolean forward) {
        if (AttributeValue.compareScalars(start.hash(), hash) != 0) {
            throw DynamoDbErrors.validation("The provided starting key is outside query boundaries based on provided conditions");
        }
        if (forward && start.compareTo(lower) >= 0) {
            return new KeyCondition(hash, start, false, upper, upperInclusive, prefix);
        }
        if (!forward && start.compareTo(upper) <= 0) {
            return new KeyCondition(hash, lower, lowerInclusive, start, false, prefix);
        }
        return this;
    }

    boolean isEmpty() {
        int order = lower.compareTo(upper);
        return order > 0 || (order == 0 && !(lowerInclusive && upperInclusive));
    }

    private static void flatten(Condition condition, List<Condition> parts) {
        switch (condition) {
            case Condition.And(Condition left, Condition right) -> {
                flatten(left, parts);
                flatten(right, parts);
            }
            case Condition.Or ignored -> throw invalidOperator("OR");
            case Condition.Not ignored -> throw invalidOperator("NOT");
            case Condition.In ignored -> throw invalidOperator("IN");
            case Condition.AttributeExists ignored -> throw invalidOperator("attribute_exists");
            case Condition.AttributeNotExists ignored -> throw invalidOperator("attribute_not_exists");
            case Condition.AttributeType ignored -> throw invalidOperator("attribute_type");
            case Condition.Contains ignored -> throw invalidOperator("contains");
            case Condition.Compare c when c.comparator() == Condition.Comparator.NE -> throw invalidOperator("<>");
            default -> parts.add(condition);
        }
    }

    /** The key attribute a simple condition constrains: {@code key op :value} (either way round for comparisons). */
    private static String keyAttribute(Condition part) {
        Operand subject = switch (part) {
            case Condition.Compare c -> c.left() instanceof Operand.Value ? c.right() : c.left();
            case Condition.Between b -> b.value();
            case Condition.BeginsWith w -> w.value();
            default -> throw new IllegalStateException("refused by flatten");
        };
        if (!(subject instanceof Operand.PathOperand(Path path)) || !path.isTopLevel()) {
            throw DynamoDbErrors.validation("Query key condition not supported");
        }
        return path.attribute();
    }

    /** The value a key is compared with; {@code :v = key} is accepted for equality only. */
    private static AttributeValue literal(Condition.Compare compare) {
        if (compare.left() instanceof Operand.Value && compare.right() instanceof Operand.PathOperand) {
            if (compare.comparator() != Condition.Comparator.EQ) {
                // ":v < key" reads backwards; DynamoDB requires the key on the left for ranges
                throw DynamoDbErrors.validation("Query key condition not supported");
            }
            return value(compare.left());
        }
        return value(compare.right());
    }

    private static AttributeValue value(Operand operand) {
        if (operand instanceof Operand.Value(String ignored, AttributeValue value)) {
            return value;
        }
        throw DynamoDbErrors.validation("Query key condition not supported");
    }

    private static AttributeValue typed(AttributeValue value, TableSchema.KeyAttribute key) {
        if (!value.type().equals(key.type())) {
            throw DynamoDbErrors.invalidParameter("Condition parameter type does not match schema type");
        }
        return value;
    }

    private static AwsServiceException invalidOperator(String operator) {
        return DynamoDbErrors.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }
}
