package com.wildrydes.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class UnicornDispatcherTest {

    private static final Unicorn BUCEPHALUS =
            new Unicorn("Bucephalus", "Golden", "a5386b78-c840-4414-b79d-6e85165fc2d4");
    private static final Unicorn ROCINANTE =
            new Unicorn("Rocinante", "Yellow", "81af4b47-f7da-4fda-bf26-a64ec6928ae9");
    private static final Unicorn SHADOWFAX =
            new Unicorn("Shadowfax", "White", "f15adbd8-793d-4698-b68d-bd02e8bf2596");

    /** Draws the given indexes in turn and remembers the bounds it was asked for. */
    private static final class ScriptedRandom implements RandomGenerator {
        private final int[] draws;
        private int next;
        final List<Integer> bounds = new ArrayList<>();

        ScriptedRandom(int... draws) {
            this.draws = draws;
        }

        @Override
        public int nextInt(int bound) {
            bounds.add(bound);
            return draws[next++];
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("the dispatcher only draws bounded ints");
        }
    }

    private record FixedFleet(List<Unicorn> unicorns) implements UnicornFleet {
        @Override
        public List<Unicorn> all() {
            return unicorns;
        }

        @Override
        public void put(Unicorn unicorn) {
            throw new UnsupportedOperationException("dispatching never writes");
        }
    }

    @Test
    void picksTheDrawnUnicornWhateverOrderTheTableReturns() {
        var random = new ScriptedRandom(0, 1, 2);
        var dispatcher = new UnicornDispatcher(new FixedFleet(List.of(SHADOWFAX, BUCEPHALUS, ROCINANTE)), random);

        assertThat(List.of(dispatcher.pickOne(), dispatcher.pickOne(), dispatcher.pickOne()))
                .extracting(pick -> pick.orElseThrow().name())
                .containsExactly("Bucephalus", "Rocinante", "Shadowfax");
        assertThat(random.bounds).containsExactly(3, 3, 3);
    }

    @Test
    void aFleetOfOneAlwaysSendsThatUnicorn() {
        var dispatcher = new UnicornDispatcher(new FixedFleet(List.of(ROCINANTE)), new ScriptedRandom(0));

        assertThat(dispatcher.pickOne()).contains(ROCINANTE);
    }

    @Test
    void anEmptyFleetHasNobodyToSendAndDrawsNothing() {
        var random = new ScriptedRandom();
        var dispatcher = new UnicornDispatcher(new FixedFleet(List.of()), random);

        assertThat(dispatcher.pickOne()).isEmpty();
        assertThat(random.bounds).isEmpty();
    }
}
