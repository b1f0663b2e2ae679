package com.wildrydes.ride;

/** How a call to another service failed; each kind tells the rider something different. */
enum DownstreamFailure {
    /** The service answered, but not with a success we understand: a fault on its side. */
    BAD_RESPONSE,
    /** The service refused or could not be reached: worth retrying later. */
    UNAVAILABLE,
    /** The service did not answer in time: the outcome on its side is unknown. */
    TIMEOUT
}
