package com.wildrydes.localcloud.trace;

/**
 * Where services report the hops they served. Recording must stay cheap and must never fail the
 * request it describes.
 */
@FunctionalInterface
public interface TraceRecorder {

    /** Records nothing: what a service uses unless it is given a recorder. */
    TraceRecorder NONE = span -> { };

    void record(Span span);
}
