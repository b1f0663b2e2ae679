package com.wildrydes.localcloud.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/** An update expression, parsed: its SET, REMOVE, ADD and DELETE actions. */
public record UpdateExpression(List<Action> actions) {

    public sealed interface Action {
        Path path();
    }

    /** {@code SET path = value}. */
    public record Set(Path path, Operand value) implements Action {
    }

    /** {@code REMOVE path}. */
    public record Remove(Path path) implements Action {
    }

    /** {@code ADD path :value}: adds to a number or a set. */
    public record Add(Path path, Operand.Value value) implements Action {
    }

    /** {@code DELETE path :value}: removes elements from a set. */
    public record Delete(Path path, Operand.Value value) implements Action {
    }

    public UpdateExpression {
        actions = List.copyOf(actions);
    }

    /** Every path the update writes, for key checks and UPDATED_OLD / UPDATED_NEW. */
    public List<Path> paths() {
        List<Path> paths = new ArrayList<>(actions.size());
        actions.forEach(a -> paths.add(a.path()));
        return paths;
    }
}
