package com.wildrydes.fleet;

import java.util.List;

/** Where the fleet lives. RequestUnicorn only reads it; the LoadTable seeder only writes to it. */
public interface UnicornFleet {

    /** Every unicorn of the fleet, in no particular order. */
    List<Unicorn> all();

    /** Adds the unicorn, or overwrites the one with the same name: putting twice changes nothing. */
    void put(Unicorn unicorn);
}
