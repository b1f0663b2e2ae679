package com.wildrydes.systemtests.bench.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/** The least a Java function can be: the baseline a real function's cold start is compared with. */
public final class HelloWorld implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "Hello, world";
    }
}
