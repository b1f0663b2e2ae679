package com.wildrydes.localcloud.apigateway;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourcePathTest {

    private static List<String> path(String path) {
        return ResourcePath.split(path);
    }

    @Test
    void literalPathMatchesOnlyItself() {
        ResourcePath ride = ResourcePath.parse("/ride");
        assertThat(ride.match(path("/ride"))).contains(Map.of());
        assertThat(ride.match(path("/ride/"))).contains(Map.of());
        assertThat(ride.match(path("/rides"))).isEmpty();
        assertThat(ride.match(path("/ride/1"))).isEmpty();
        assertThat(ride.match(path("/"))).isEmpty();
    }

    @Test
    void rootMatchesOnlyTheRoot() {
        assertThat(ResourcePath.parse("/").match(path("/"))).contains(Map.of());
        assertThat(ResourcePath.parse("/").match(path("/ride"))).isEmpty();
    }

    @Test
    void parameterTakesOneSegment() {
        ResourcePath unicorn = ResourcePath.parse("/unicorn/{name}/rides/{rideId}");
        assertThat(unicorn.match(path("/unicorn/Shadowfax/rides/42"))).contains(Map.of("name", "Shadowfax", "rideId", "42"));
        assertThat(unicorn.match(path("/unicorn/Shadowfax/rides"))).isEmpty();
        assertThat(unicorn.match(path("/unicorn//rides/42"))).isEmpty();
    }

    @Test
    void greedyParameterTakesTheRestButNeedsOneSegment() {
        ResourcePath proxy = ResourcePath.parse("/api/{proxy+}");
        assertThat(proxy.match(path("/api/a/b/c"))).contains(Map.of("proxy", "a/b/c"));
        assertThat(proxy.match(path("/api/a"))).contains(Map.of("proxy", "a"));
        assertThat(proxy.match(path("/api"))).isEmpty();
    }

    @Test
    void literalBeatsParameterBeatsGreedy() {
        ResourcePath literal = ResourcePath.parse("/unicorn/golden");
        ResourcePath parameter = ResourcePath.parse("/unicorn/{name}");
        ResourcePath greedy = ResourcePath.parse("/{proxy+}");
        List<ResourcePath> bySpecificity = Stream.of(greedy, literal, parameter)
                .sorted(Comparator.comparing((ResourcePath p) -> p, ResourcePath::compareSpecificity).reversed())
                .toList();
        assertThat(bySpecificity).containsExactly(literal, parameter, greedy);
    }

    @Test
    void greedyParameterMustComeLast() {
        assertThatThrownBy(() -> ResourcePath.parse("/{proxy+}/more")).hasMessageContaining("last segment");
        assertThatThrownBy(() -> ResourcePath.parse("ride")).hasMessageContaining("starts with '/'");
    }
}
