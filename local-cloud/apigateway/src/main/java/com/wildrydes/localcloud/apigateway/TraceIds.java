package com.wildrydes.localcloud.apigateway;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** X-Ray trace ids for requests that arrive without {@code X-Amzn-Trace-Id}. */
final class TraceIds {

    private TraceIds() {
    }

    /** {@code Root=1-<epoch seconds as 8 hex digits>-<96 random bits as 24 hex digits>}. */
    static String newRoot(long epochSeconds) {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "Root=1-" + String.format("%08x", epochSeconds) + "-" + HexFormat.of().formatHex(random);
    }
}
