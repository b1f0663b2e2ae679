package com.wildrydes.localcloud.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/** Ends its JVM with {@code status} when asked to, else answers with its pid. */
public class Exit implements RequestHandler<Map<String, Integer>, Long> {

    @Override
    public Long handleRequest(Map<String, Integer> input, Context context) {
        Integer status = input.get("status");
        if (status != null) {
            System.exit(status);
        }
        return ProcessHandle.current().pid();
    }
}
