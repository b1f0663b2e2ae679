package com.wildrydes.ride;

import java.util.Map;

/** What Lambda's Invoke API answers for RequestUnicornInvoke, and where the SDK sends the call. */
final class LambdaStub {

    static final String JSON = "application/json";

    static final String UNICORN = "{\"Name\":\"Bucephalus\",\"Color\":\"Golden\",\"DeviceId\":\"5e1c8a2f\"}";

    /** The runtime's error document for the fleet's typed empty-fleet error; Lambda still answers 200. */
    static final String NO_UNICORN_AVAILABLE = """
            {"errorMessage":"No unicorn is available: the fleet is empty.",\
            "errorType":"com.wildrydes.fleet.NoUnicornAvailableException",\
            "stackTrace":[\
            "com.wildrydes.fleet.RequestUnicornInvokeHandler.pickOne(RequestUnicornInvokeHandler.java:63)",\
            "com.wildrydes.fleet.RequestUnicornInvokeHandler.handleRequest(RequestUnicornInvokeHandler.java:54)"]}""";

    /** Lambda's own refusal of the call, for a function that does not exist. */
    static final String FUNCTION_NOT_FOUND = """
            {"Type":"User","message":"Function not found: \
            arn:aws:lambda:us-east-1:123456789012:function:wild-rydes-ride-fleet-RequestUnicornInvoke-Jq3X9w:live"}""";

    private LambdaStub() {
    }

    static Map<String, String> succeeded() {
        return Map.of("X-Amz-Executed-Version", "3");
    }

    static Map<String, String> failed() {
        return Map.of("X-Amz-Executed-Version", "3", "X-Amz-Function-Error", "Unhandled");
    }

    /** Invoke's path, decoded as the stub records it: the function's name or ARN between two fixed parts. */
    static String invocationsPath(String functionArn) {
        return "/2015-03-31/functions/" + functionArn + "/invocations";
    }
}
