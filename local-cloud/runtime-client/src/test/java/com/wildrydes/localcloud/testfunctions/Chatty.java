package com.wildrydes.localcloud.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Writes to stdout, stderr and the Lambda logger, ending without a newline. */
public class Chatty implements RequestHandler<String, String> {

    @Override
    public String handleRequest(String input, Context context) {
        System.out.println("out: " + input);
        System.err.println("err: " + input);
        context.getLogger().log("logger: " + input);
        System.out.print("unterminated");
        return "done";
    }
}
