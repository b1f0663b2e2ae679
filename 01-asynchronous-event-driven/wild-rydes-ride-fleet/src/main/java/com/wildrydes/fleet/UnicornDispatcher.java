package com.wildrydes.fleet;

import java.util.Comparator;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Picks which unicorn answers a ride request: any one of the fleet, at random. */
public final class UnicornDispatcher {

    private final UnicornFleet fleet;
    private final RandomGenerator random;

    public UnicornDispatcher(UnicornFleet fleet, RandomGenerator random) {
        this.fleet = fleet;
        this.random = random;
    }

    /** A unicorn, or empty when the fleet has none. */
    public Optional<Unicorn> pickOne() {
        // Sorted so the pick depends only on the fleet and the random draw, not on the table's scan order.
        var unicorns = fleet.all().stream().sorted(Comparator.comparing(Unicorn::name)).toList();
        if (unicorns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(unicorns.get(random.nextInt(unicorns.size())));
    }
}
