package com.wildrydes.localcloud.runtime;

/**
 * A fault local-cloud asks the runtime to act out in the function's JVM, so that failure handling
 * (retries, dead-letter queues, timeouts, API Gateway's 502 and 504) can be exercised with real
 * function code. It travels as the {@link RuntimeProtocol#FAULT_HEADER} header of {@code /invocation/next}.
 */
public sealed interface InjectedFault {

    /** The invocation fails as if the handler threw, with this message. */
    record Throw(String message) implements InjectedFault {
    }

    /** The handler runs after this delay. */
    record Sleep(long millis) implements InjectedFault {
        public Sleep {
            if (millis < 0) {
                throw new IllegalArgumentException("a sleep fault needs a delay of 0 ms or more, not " + millis);
            }
        }
    }

    /** The invocation outlives its timeout, so Lambda stops the instance. */
    record Timeout() implements InjectedFault {
    }

    /** The function's JVM exits with this status mid-invocation. */
    record Exit(int status) implements InjectedFault {
    }

    /** The header value: {@code throw:<message>}, {@code sleep:<ms>}, {@code timeout} or {@code exit:<status>}. */
    default String toHeader() {
        return switch (this) {
            case Throw t -> "throw:" + t.message().replaceAll("[\\r\\n]+", " ");
            case Sleep s -> "sleep:" + s.millis();
            case Timeout t -> "timeout";
            case Exit e -> "exit:" + e.status();
        };
    }

    /** Reads a header value written by {@link #toHeader()}. */
    static InjectedFault parse(String header) {
        int colon = header.indexOf(':');
        String kind = colon < 0 ? header : header.substring(0, colon);
        String argument = colon < 0 ? "" : header.substring(colon + 1);
        return switch (kind) {
            case "throw" -> new Throw(argument);
            case "sleep" -> new Sleep(Long.parseLong(argument));
            case "timeout" -> new Timeout();
            case "exit" -> new Exit(Integer.parseInt(argument));
            default -> throw new IllegalArgumentException("unknown fault '" + header
                    + "'; faults are throw:<message>, sleep:<ms>, timeout and exit:<status>");
        };
    }
}
