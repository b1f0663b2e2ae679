package com.wildrydes.localcloud.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The peak resident memory of a function's JVM, for REPORT's "Max Memory Used". Linux keeps the
 * peak itself (VmHWM in /proc/PID/status) and it is cheap to read after each invocation. Elsewhere
 * the current size is sampled with {@code ps} in the background and the largest sample kept, so
 * the figure is a lower bound but never slows an invocation down.
 */
final class ProcessMemory {

    private static final boolean PROC = Files.isReadable(Path.of("/proc/self/status"));

    private final long pid;
    private volatile int peakMb;

    ProcessMemory(long pid) {
        this.pid = pid;
    }

    /** The peak known now, in MB (rounded up); 0 before anything was measured. */
    int peakMb() {
        return peakMb;
    }

    /** Refreshes the peak; on Linux at once, elsewhere in the background. */
    void update() {
        if (PROC) {
            record(readVmHwmKb());
        } else {
            Thread.ofVirtual().start(() -> record(sampleRssKb()));
        }
    }

    private void record(long kb) {
        if (kb > 0) {
            int mb = (int) ((kb + 1023) / 1024);
            synchronized (this) {
                peakMb = Math.max(peakMb, mb);
            }
        }
    }

    private long readVmHwmKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has exited; the last reading stands
        }
        return -1;
    }

    private long sampleRssKb() {
        try {
            Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid))
                    .redirectErrorStream(true).start();
            String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            ps.waitFor(2, TimeUnit.SECONDS);
            return out.isEmpty() ? -1 : Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
