package com.wildrydes.systemtests.bench;

/** How a result stands against its budget. */
enum Verdict {
    PASS,
    MISS,
    /** Measured for understanding; there is no budget. */
    INFO,
    /** The measurement did not produce a value (a failed or skipped run). */
    NOT_MEASURED
}
