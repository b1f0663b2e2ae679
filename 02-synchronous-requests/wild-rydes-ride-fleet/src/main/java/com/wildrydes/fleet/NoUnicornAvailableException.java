package com.wildrydes.fleet;

/**
 * The fleet is empty: no unicorn can be sent. Its type is what a direct caller sees as the invoke's errorType, and
 * what it branches on: this is the fleet being unavailable, not the fleet being broken.
 */
public final class NoUnicornAvailableException extends RuntimeException {

    public NoUnicornAvailableException() {
        super("No unicorn is available: the fleet is empty.");
    }
}
