package com.wildrydes.localcloud.dynamodb.expression;

import com.wildrydes.localcloud.dynamodb.AttributeValue;
import com.wildrydes.localcloud.dynamodb.DynamoDbErrors;
import com.wildrydes.localcloud.http.AwsServiceException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes nested attributes by document path. Items are immutable: writes return new maps. */
public final class DocumentPaths {

    private DocumentPaths() {
    }

    public static Optional<AttributeValue> get(Map<String, AttributeValue> item, Path path) {
        AttributeValue current = item.get(path.attribute());
        for (int i = 1; i < path.elements().size() && current != null; i++) {
            current = child(current, path.elements().get(i));
        }
        return Optional.ofNullable(current);
    }

    /**
     * Sets the value at {@code path}. Every level above it must exist with the right type; an index past
     * the end of a list appends, as DynamoDB does.
     */
    public static Map<String, AttributeValue> set(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        Map<String, AttributeValue> result = new LinkedHashMap<>(item);
        if (path.isTopLevel()) {
            result.put(path.attribute(), value);
            return result;
        }
        AttributeValue top = item.get(path.attribute());
        if (top == null) {
            throw invalidForUpdate();
        }
        result.put(path.attribute(), setIn(top, path.elements(), 1, value));
        return result;
    }

    /** Removes the value at {@code path}; a missing leaf is not an error, a missing or mistyped parent is. */
    public static Map<String, AttributeValue> remove(Map<String, AttributeValue> item, Path path) {
        Map<String, AttributeValue> result = new LinkedHashMap<>(item);
        if (path.isTopLevel()) {
            result.remove(path.attribute());
            return result;
        }
        AttributeValue top = item.get(path.attribute());
        if (top == null) {
            throw invalidForUpdate();
        }
        result.put(path.attribute(), removeIn(top, path.elements(), 1));
        return result;
    }

    private static AttributeValue child(AttributeValue container, Path.Element element) {
        return switch (element) {
            case Path.Name(String name) -> container instanceof AttributeValue.M(Map<String, AttributeValue> values)
                    ? values.get(name) : null;
            case Path.Index(int index) -> container instanceof AttributeValue.L(List<AttributeValue> values)
                    && index < values.size() ? values.get(index) : null;
        };
    }

    private static AttributeValue setIn(AttributeValue container, List<Path.Element> path, int level, AttributeValue value) {
        boolean last = level == path.size() - 1;
        switch (path.get(level)) {
            case Path.Name(String name) -> {
                if (!(container instanceof AttributeValue.M(Map<String, AttributeValue> values))) {
                    throw invalidForUpdate();
                }
                Map<String, AttributeValue> copy = new LinkedHashMap<>(values);
                if (last) {
                    copy.put(name, value);
                } else {
                    AttributeValue next = values.get(name);
                    if (next == null) {
                        throw invalidForUpdate();
                    }
                    copy.put(name, setIn(next, path, level + 1, value));
                }
                return new AttributeValue.M(copy);
            }
            case Path.Index(int index) -> {
                if (!(container instanceof AttributeValue.L(List<AttributeValue> values))) {
                    throw invalidForUpdate();
                }
                List<AttributeValue> copy = new ArrayList<>(values);
                if (last) {
                    if (index < copy.size()) {
                        copy.set(index, value);
                    } else {
                        copy.add(value);
                    }
                } else {
                    if (index >= values.size()) {
                        throw invalidForUpdate();
                    }
                    copy.set(index, setIn(values.get(index), path, level + 1, value));
                }
                return new AttributeValue.L(copy);
            }
        }
    }

    private static AttributeValue removeIn(AttributeValue container, List<Path.Element> path, int level) {
        boolean last = level == path.size() - 1;
        switch (path.get(level)) {
            case Path.Name(String name) -> {
                if (!(container instanceof AttributeValue.M(Map<String, AttributeValue> values))) {
                    throw invalidForUpdate();
                }
                Map<String, AttributeValue> copy = new LinkedHashMap<>(values);
                if (last) {
                    copy.remove(name);
                } else {
                    AttributeValue next = values.get(name);
                    if (next == null) {
                        throw invalidForUpdate();
                    }
                    copy.put(name, removeIn(next, path, level + 1));
                }
                return new AttributeValue.M(copy);
            }
            case Path.Index(int index) -> {
                if (!(container instanceof AttributeValue.L(List<AttributeValue> values))) {
                    throw invalidForUpdate();
                }
                List<AttributeValue> copy = new ArrayList<>(values);
                if (index < copy.size()) {
                    if (last) {
                        copy.remove(index);
                    } else {
                        copy.set(index, removeIn(values.get(index), path, level + 1));
                    }
                } else if (!last) {
                    throw invalidForUpdate();
                }
                return new AttributeValue.L(copy);
            }
        }
    }

    private static AwsServiceException invalidForUpdate() {
        return DynamoDbErrors.validation("The document path provided in the update expression is invalid for update");
    }
}
