package com.wildrydes.localcloud.runtime;

/** The handler could not be loaded: reported to {@code /init/error} as {@link #error()}. */
final class HandlerLoadException extends Exception {

    private final transient ErrorDocument error;

    HandlerLoadException(ErrorDocument error) {
        super(error.errorMessage());
        this.error = error;
    }

    ErrorDocument error() {
        return error;
    }
}
