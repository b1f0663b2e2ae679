package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceHeaderTest {

    private static final String PER_INVOCATION =
            "Root=1-6927e0b3-3f1a2b4c5d6e7f8091a2b3c4;Parent=53995c3f42cd8ad8;Sampled=1";
    private static final String PER_PROCESS =
            "Root=1-6927e0a0-aaaaaaaaaaaaaaaaaaaaaaaa;Parent=1111111111111111;Sampled=0";

    @Test
    void prefersThePerInvocationSystemProperty() {
        assertThat(TraceHeader.current(
                Map.of(TraceHeader.SYSTEM_PROPERTY, PER_INVOCATION)::get,
                Map.of(TraceHeader.ENVIRONMENT_VARIABLE, PER_PROCESS)::get))
                .contains(PER_INVOCATION);
    }

    @Test
    void fallsBackToTheEnvironmentVariable() {
        assertThat(TraceHeader.current(Map.<String, String>of()::get,
                Map.of(TraceHeader.ENVIRONMENT_VARIABLE, PER_PROCESS)::get))
                .contains(PER_PROCESS);
    }

    @Test
    void isAbsentWhenNeitherIsSetOrUsable() {
        assertThat(TraceHeader.current(Map.<String, String>of()::get, Map.<String, String>of()::get)).isEmpty();
        assertThat(TraceHeader.current(Map.of(TraceHeader.SYSTEM_PROPERTY, " ")::get,
                Map.of(TraceHeader.ENVIRONMENT_VARIABLE, "Root=1\r\nInjected: yes")::get)).isEmpty();
    }

    @Test
    void readsTheLiveSystemPropertyOnEveryCall() {
        String before = System.getProperty(TraceHeader.SYSTEM_PROPERTY);
        try {
            System.setProperty(TraceHeader.SYSTEM_PROPERTY, PER_INVOCATION);
            assertThat(TraceHeader.current()).contains(PER_INVOCATION);
            System.setProperty(TraceHeader.SYSTEM_PROPERTY, PER_PROCESS);
            assertThat(TraceHeader.current()).contains(PER_PROCESS);
        } finally {
            if (before == null) {
                System.clearProperty(TraceHeader.SYSTEM_PROPERTY);
            } else {
                System.setProperty(TraceHeader.SYSTEM_PROPERTY, before);
            }
        }
    }
}
