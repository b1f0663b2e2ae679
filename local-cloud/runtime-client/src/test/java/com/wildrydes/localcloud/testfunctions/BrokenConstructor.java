package com.wildrydes.localcloud.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Fails during init, as a handler whose client configuration is wrong would. */
public class BrokenConstructor implements RequestHandler<String, String> {

    public BrokenConstructor() {
        throw new IllegalStateException("TABLE_NAME is not set");
    }

    @Override
    public String handleRequest(String input, Context context) {
        return input;
    }
}
