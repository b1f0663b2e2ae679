package com.wildrydes.localcloud.lambda;

import java.util.List;

/**
 * A function's instances and invocations right now.
 *
 * @param busyInstances instances running an invocation (or starting for one)
 * @param idleInstances warm instances waiting for work
 * @param recent        the latest invocations, oldest first (at most a few hundred)
 */
public record FunctionStats(
        String functionName,
        int busyInstances,
        int idleInstances,
        long coldStarts,
        long warmStarts,
        List<InvocationRecord> recent) {
}
