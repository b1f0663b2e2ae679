package com.wildrydes.ride;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The X-Ray trace of the current invocation, forwarded on outgoing calls so that one ride shows up as one trace
 * across the three services.
 */
final class TraceHeader {

    static final String NAME = "X-Amzn-Trace-Id";

    /** Set by the Java runtime for each invocation. */
    static final String SYSTEM_PROPERTY = "com.amazonaws.xray.traceHeader";

    /** Set by the Lambda service; a fallback, because it is fixed for the life of the process. */
    static final String ENVIRONMENT_VARIABLE = "_X_AMZN_TRACE_ID";

    private TraceHeader() {
    }

    /** Read on every call, never cached: the value changes with each invocation. */
    static Optional<String> current() {
        return current(System::getProperty, System::getenv);
    }

    static Optional<String> current(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        return usable(systemProperties.apply(SYSTEM_PROPERTY))
                .or(() -> usable(environment.apply(ENVIRONMENT_VARIABLE)));
    }

    /** A value with control characters would make the HTTP client throw; dropping the trace is the lesser harm. */
    private static Optional<String> usable(String value) {
        if (value == null || value.isBlank() || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }
}
