package com.wildrydes.localcloud.lambda;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** X-Ray trace headers for invokes that arrive without one, as Lambda starts a trace for them. */
final class TraceHeader {

    private TraceHeader() {
    }

    /** {@code Root=1-<epoch seconds, 8 hex>-<96 random bits, 24 hex>;Parent=<16 hex>;Sampled=0}. */
    static String newRoot() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] id = new byte[12];
        random.nextBytes(id);
        byte[] parent = new byte[8];
        random.nextBytes(parent);
        return "Root=1-" + String.format("%08x", System.currentTimeMillis() / 1000) + "-" + HexFormat.of().formatHex(id)
                + ";Parent=" + HexFormat.of().formatHex(parent) + ";Sampled=0";
    }
}
