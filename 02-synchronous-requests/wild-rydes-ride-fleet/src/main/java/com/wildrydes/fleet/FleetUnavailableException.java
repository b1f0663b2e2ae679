package com.wildrydes.fleet;

/**
 * The fleet could not be read just now (DynamoDB throttled, failed or could not be reached), usually a passing
 * fault. Its message says so without the internals; the cause keeps them, for the function's log.
 */
public final class FleetUnavailableException extends RuntimeException {

    public FleetUnavailableException(Throwable cause) {
        super("The unicorn fleet could not be read just now; try again shortly.", cause);
    }
}
