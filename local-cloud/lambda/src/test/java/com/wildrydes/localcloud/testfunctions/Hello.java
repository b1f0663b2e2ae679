package com.wildrydes.localcloud.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/** Greets, logs a line, and says which JVM answered. */
public class Hello implements RequestHandler<Map<String, String>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, String> input, Context context) {
        String name = input.getOrDefault("name", "world");
        System.out.println("greeting " + name);
        return Map.of("greeting", "Hello, " + name + "!", "pid", ProcessHandle.current().pid());
    }
}
