package com.wildrydes.localcloud.cloudformation.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The order resources are created in: each after everything it refers to or DependsOn, ties broken
 * by the order of the template, so the same template always deploys in the same order.
 */
public final class DependencyGraph {

    private DependencyGraph() {
    }

    /**
     * @param dependencies every resource (in template order) and the resources it needs first
     * @throws CycleException naming the resources of one cycle
     */
    public static List<String> creationOrder(LinkedHashMap<String, Set<String>> dependencies) {
        Map<String, Integer> position = new HashMap<>();
        for (String id : dependencies.keySet()) {
            position.put(id, position.size());
        }
        Map<String, Integer> waitingOn = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        dependencies.forEach((id, needs) -> {
            waitingOn.put(id, needs.size());
            for (String need : needs) {
                if (!position.containsKey(need)) {
                    throw new IllegalArgumentException(id + " depends on " + need + ", which is not in the graph");
                }
                dependents.computeIfAbsent(need, k -> new ArrayList<>()).add(id);
            }
        });
        PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> Integer.compare(position.get(a), position.get(b)));
        waitingOn.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String dependent : dependents.getOrDefault(id, List.of())) {
                if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() < dependencies.size()) {
            throw new CycleException(findCycle(dependencies, new HashSet<>(order)));
        }
        return order;
    }

    private static List<String> findCycle(Map<String, Set<String>> dependencies, Set<String> ordered) {
        Set<String> explored = new HashSet<>(ordered);
        for (String start : dependencies.keySet()) {
            if (!explored.contains(start)) {
                List<String> cycle = walk(start, dependencies, explored, new LinkedHashSet<>());
                if (cycle != null) {
                    return cycle;
                }
            }
        }
        throw new IllegalStateException("unordered resources without a cycle");
    }

    /** Depth-first search for a path back to itself; {@code explored} holds ids known to lead to no cycle. */
    private static List<String> walk(String id, Map<String, Set<String>> dependencies, Set<String> explored, LinkedHashSet<String> path) {
        if (path.contains(id)) {
            List<String> list = new ArrayList<>(path);
            List<String> cycle = new ArrayList<>(list.subList(list.indexOf(id), list.size()));
            cycle.add(id);
            return cycle;
        }
        path.add(id);
        for (String need : dependencies.get(id)) {
            if (!explored.contains(need)) {
                List<String> cycle = walk(need, dependencies, explored, path);
                if (cycle != null) {
                    return cycle;
                }
            }
        }
        path.remove(id);
        explored.add(id);
        return null;
    }

    /** Resources that need each other; {@link #cycle()} starts and ends with the same logical id. */
    public static final class CycleException extends RuntimeException {

        private final List<String> cycle;

        CycleException(List<String> cycle) {
            super("Circular dependency between resources: " + String.join(" -> ", cycle));
            this.cycle = List.copyOf(cycle);
        }

        public List<String> cycle() {
            return cycle;
        }
    }
}
