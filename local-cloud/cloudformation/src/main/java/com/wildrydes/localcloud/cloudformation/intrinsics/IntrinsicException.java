package com.wildrydes.localcloud.cloudformation.intrinsics;

import com.wildrydes.localcloud.cloudformation.CloudFormationException;

/** An intrinsic function that cannot be evaluated; the message starts with where it stands once that is known. */
public class IntrinsicException extends CloudFormationException {

    private final boolean located;

    public IntrinsicException(String message) {
        this(message, false);
    }

    private IntrinsicException(String message, boolean located) {
        super(message);
        this.located = located;
    }

    /** The same error, prefixed with the innermost place it happened (once). */
    IntrinsicException at(String where) {
        return located ? this : new IntrinsicException(where + ": " + getMessage(), true);
    }
}
