package com.wildrydes.localcloud.dynamodb.expression;

import com.wildrydes.localcloud.dynamodb.AttributeValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps only some document paths of an item, as ProjectionExpression and UPDATED_OLD / UPDATED_NEW do:
 * nested paths keep their enclosing maps and lists, and list elements picked by index close up in index order.
 */
public final class Projection {

    private final Node root = new Node();

    /** The paths as a tree; overlapping paths were refused by the parser. */
    private static final class Node {
        boolean whole;
        final Map<String, Node> names = new LinkedHashMap<>();
        final TreeMap<Integer, Node> indexes = new TreeMap<>();
    }

    public Projection(List<Path> paths) {
        for (Path path : paths) {
            Node node = root;
            for (Path.Element element : path.elements()) {
                node = switch (element) {
                    case Path.Name(String name) -> node.names.computeIfAbsent(name, n -> new Node());
                    case Path.Index(int index) -> node.indexes.computeIfAbsent(index, i -> new Node());
                };
            }
            node.whole = true;
        }
    }

    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        root.names.forEach((name, node) -> {
            AttributeValue value = item.get(name);
            AttributeValue kept = value == null ? null : keep(value, node);
            if (kept != null) {
                result.put(name, kept);
            }
        });
        return result;
    }

    private static AttributeValue keep(AttributeValue value, Node node) {
        if (node.whole) {
            return value;
        }
        if (value instanceof AttributeValue.M(Map<String, AttributeValue> values) && !node.names.isEmpty()) {
            Map<String, AttributeValue> kept = new LinkedHashMap<>();
            node.names.forEach((name, child) -> {
                AttributeValue v = values.get(name);
                AttributeValue k = v == null ? null : keep(v, child);
                if (k != null) {
                    kept.put(name, k);
                }
            });
            return kept.isEmpty() ? null : new AttributeValue.M(kept);
        }
        if (value instanceof AttributeValue.L(List<AttributeValue> values) && !node.indexes.isEmpty()) {
            List<AttributeValue> kept = new ArrayList<>();
            node.indexes.forEach((index, child) -> {
                AttributeValue k = index < values.size() ? keep(values.get(index), child) : null;
                if (k != null) {
                    kept.add(k);
                }
            });
            return kept.isEmpty() ? null : new AttributeValue.L(kept);
        }
        return null;
    }
}
