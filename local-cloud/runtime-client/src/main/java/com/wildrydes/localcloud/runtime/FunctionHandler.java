package com.wildrydes.localcloud.runtime;

import com.amazonaws.services.lambda.runtime.Context;

import java.io.InputStream;
import java.io.OutputStream;

/** A loaded handler of any supported shape, reduced to what the runtime needs: bytes in, bytes out. */
@FunctionalInterface
interface FunctionHandler {

    /** Runs one invocation; anything thrown is the function's error, already free of reflection wrappers. */
    void handle(InputStream event, OutputStream result, Context context) throws Throwable;
}
