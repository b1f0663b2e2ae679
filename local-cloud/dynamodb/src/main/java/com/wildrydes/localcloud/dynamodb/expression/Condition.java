package com.wildrydes.localcloud.dynamodb.expression;

import java.util.List;

/** A condition, filter or key condition expression, parsed. */
public sealed interface Condition {

    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    record Compare(Operand left, Comparator comparator, Operand right) implements Condition {
    }

    record Between(Operand value, Operand lower, Operand upper) implements Condition {
    }

    record In(Operand value, List<Operand> candidates) implements Condition {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    record And(Condition left, Condition right) implements Condition {
    }

    record Or(Condition left, Condition right) implements Condition {
    }

    record Not(Condition condition) implements Condition {
    }

    record AttributeExists(Path path) implements Condition {
    }

    record AttributeNotExists(Path path) implements Condition {
    }

    record AttributeType(Path path, Operand type) implements Condition {
    }

    record BeginsWith(Operand value, Operand prefix) implements Condition {
    }

    record Contains(Operand value, Operand part) implements Condition {
    }
}
