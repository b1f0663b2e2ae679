package com.wildrydes.localcloud.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/** Always fails, as a handler with a bug does. */
public class Throw implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        System.out.println("about to fail for " + input);
        throw new IllegalStateException("Unicorn not available");
    }
}
