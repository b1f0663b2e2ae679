package com.wildrydes.localcloud.runtime;

/** What an invocation fails with when local-cloud injected a {@link InjectedFault.Throw} fault. */
public final class InjectedFaultException extends RuntimeException {

    InjectedFaultException(String message) {
        super(message);
    }
}
