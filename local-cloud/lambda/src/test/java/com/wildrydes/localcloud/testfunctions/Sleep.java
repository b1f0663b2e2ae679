package com.wildrydes.localcloud.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/** Sleeps {@code millis}, then returns the pid of the JVM that ran it. */
public class Sleep implements RequestHandler<Map<String, Long>, Long> {

    @Override
    public Long handleRequest(Map<String, Long> input, Context context) {
        try {
            Thread.sleep(input.getOrDefault("millis", 0L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ProcessHandle.current().pid();
    }
}
