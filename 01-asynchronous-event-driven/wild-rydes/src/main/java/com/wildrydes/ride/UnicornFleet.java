package com.wildrydes.ride;

/** Port: where unicorns come from. */
interface UnicornFleet {

    /**
     * Returns the unicorn assigned to the next ride.
     *
     * @throws DownstreamException if the fleet cannot provide one; its failure kind says why
     */
    Unicorn requestUnicorn();
}
