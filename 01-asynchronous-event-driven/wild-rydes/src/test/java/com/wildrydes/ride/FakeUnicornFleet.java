package com.wildrydes.ride;

import java.util.concurrent.atomic.AtomicInteger;

/** A fleet that hands out one known unicorn, or fails the way it is told to. */
final class FakeUnicornFleet implements UnicornFleet {

    static final Unicorn SHADOWFAX = new Unicorn("Shadowfax", "White", "3a8f5b2c-9d41-4e7a-b6c3-1f0e2d9a8b7c");

    private final AtomicInteger calls = new AtomicInteger();
    private volatile RuntimeException failure;

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    int calls() {
        return calls.get();
    }

    @Override
    public Unicorn requestUnicorn() {
        calls.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
        return SHADOWFAX;
    }
}
