package com.wildrydes.localcloud.dynamodb.expression;

import java.util.List;
import java.util.stream.Collectors;

/** A document path such as {@code a.b[2].c}: names into maps and indexes into lists, with placeholders resolved. */
public record Path(List<Element> elements) {

    public sealed interface Element {
    }

    public record Name(String name) implements Element {
        @Override
        public String toString() {
            return name;
        }
    }

    public record Index(int index) implements Element {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    public Path {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.get(0) instanceof Name)) {
            throw new IllegalArgumentException("a path starts with an attribute name");
        }
    }

    public static Path of(String attribute) {
        return new Path(List.of(new Name(attribute)));
    }

    /** The top-level attribute the path starts at. */
    public String attribute() {
        return ((Name) elements.get(0)).name();
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** DynamoDB's rendering in error messages: {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
