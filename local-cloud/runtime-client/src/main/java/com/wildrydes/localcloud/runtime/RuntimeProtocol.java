package com.wildrydes.localcloud.runtime;

/**
 * What the runtime client and local-cloud's Lambda agree on beyond the public Lambda Runtime API:
 * how the parent is named, where an invocation's log output ends, and how a fault is injected.
 */
public final class RuntimeProtocol {

    /** The path prefix of every Runtime API call. */
    public static final String BASE_PATH = "/2018-06-01/runtime";

    /** System property with the pid of the local-cloud process; the function JVM exits when it dies. */
    public static final String PARENT_PID_PROPERTY = "localcloud.parent.pid";

    /** The system property the AWS SDK reads X-Ray's trace header from (Java has no per-invocation env var). */
    public static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";

    /**
     * Written on stdout, on a line of its own, after an invocation's output and before its result is
     * posted, followed by the request id. It lets local-cloud know that every line the invocation
     * printed has been read, so the lines can be attributed to it and END can follow them.
     */
    public static final String INVOCATION_OUTPUT_END = "\u001Elocal-cloud invocation output end ";

    /**
     * Optional header on {@code /invocation/next}: a fault for the runtime to act out instead of,
     * or before, calling the handler (see {@link InjectedFault}).
     */
    public static final String FAULT_HEADER = "Lambda-Runtime-Localcloud-Fault";

    private RuntimeProtocol() {
    }
}
