package com.wildrydes.localcloud.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Throws from inside the handler, with a cause. */
public class Failing implements RequestHandler<String, String> {

    @Override
    public String handleRequest(String input, Context context) {
        throw new IllegalStateException("no unicorn for " + input, new IllegalArgumentException("fleet empty"));
    }
}
