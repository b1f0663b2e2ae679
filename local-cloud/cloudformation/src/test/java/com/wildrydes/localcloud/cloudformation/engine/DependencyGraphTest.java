package com.wildrydes.localcloud.cloudformation.engine;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DependencyGraphTest {

    @Test
    void createsDependenciesFirstAndKeepsTemplateOrderOtherwise() {
        LinkedHashMap<String, Set<String>> graph = new LinkedHashMap<>();
        graph.put("Parameter", Set.of("Api"));
        graph.put("Function", Set.of("Role", "Table"));
        graph.put("Table", Set.of());
        graph.put("Role", Set.of("Table"));
        graph.put("Api", Set.of("Function"));
        graph.put("Other", Set.of());
        assertThat(DependencyGraph.creationOrder(graph)).containsExactly("Table", "Role", "Function", "Api", "Parameter", "Other");
    }

    @Test
    void namesTheResourcesOfACycle() {
        LinkedHashMap<String, Set<String>> graph = new LinkedHashMap<>();
        graph.put("Free", Set.of());
        graph.put("A", Set.of("Free", "B"));
        graph.put("B", Set.of("C"));
        graph.put("C", Set.of("A"));
        assertThatThrownBy(() -> DependencyGraph.creationOrder(graph))
                .isInstanceOf(DependencyGraph.CycleException.class)
                .hasMessage("Circular dependency between resources: A -> B -> C -> A");
    }
}
