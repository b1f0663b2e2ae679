package com.wildrydes.localcloud.dynamodb.expression;

import com.wildrydes.localcloud.dynamodb.AttributeValue;

/** Something an expression evaluates to a value against an item. */
public sealed interface Operand {

    /** An {@code :value} from ExpressionAttributeValues. */
    record Value(String placeholder, AttributeValue value) implements Operand {
    }

    /** An attribute of the item, possibly nested. */
    record PathOperand(Path path) implements Operand {
    }

    /** {@code size(path)}. */
    record Size(Path path) implements Operand {
    }

    /** {@code if_not_exists(path, operand)}, update expressions only. */
    record IfNotExists(Path path, Operand fallback) implements Operand {
    }

    /** {@code list_append(a, b)}, update expressions only. */
    record ListAppend(Operand first, Operand second) implements Operand {
    }

    /** {@code a + b} or {@code a - b}, update expressions only. */
    record Arithmetic(Operand left, char operator, Operand right) implements Operand {
    }
}
