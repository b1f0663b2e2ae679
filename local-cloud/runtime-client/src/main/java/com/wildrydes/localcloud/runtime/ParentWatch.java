package com.wildrydes.localcloud.runtime;

import java.util.Optional;

/**
 * Ends this JVM when the local-cloud process that started it is gone, so that no function JVM
 * outlives it, even when local-cloud was killed without a chance to stop its instances.
 */
final class ParentWatch {

    /** The status a process killed by SIGTERM reports; what this JVM looks like from outside. */
    private static final int TERMINATED = 143;

    private ParentWatch() {
    }

    /** @param parentPid the {@link RuntimeProtocol#PARENT_PID_PROPERTY} value; null watches nothing */
    static void exitWithParent(String parentPid) {
        if (parentPid == null || parentPid.isBlank()) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(parentPid.trim()));
        if (parent.isEmpty() || !parent.get().isAlive()) {
            Runtime.getRuntime().halt(TERMINATED);
        }
        parent.get().onExit().thenRun(() -> Runtime.getRuntime().halt(TERMINATED));
    }
}
