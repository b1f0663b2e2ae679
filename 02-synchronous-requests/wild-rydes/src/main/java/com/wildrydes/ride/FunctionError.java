package com.wildrydes.ride;

/**
 * A failed invocation as its invoker sees it. Lambda still answers the Invoke call with 200; the failure is in the
 * response's FunctionError, and the payload is the runtime's error document, {"errorType","errorMessage",...},
 * where a Java function's errorType is the exception's class name.
 */
record FunctionError(String type, String message) {

    static final String UNKNOWN_TYPE = "(unknown)";

    /** Never fails: an error document in no known shape still makes a FunctionError, of unknown type. */
    static FunctionError parse(String payload) {
        return new FunctionError(
                JsonCodec.textMember(payload, "errorType").orElse(UNKNOWN_TYPE),
                JsonCodec.textMember(payload, "errorMessage").orElse(""));
    }

    /** The type without its package: com.wildrydes.fleet.NoUnicornAvailableException is NoUnicornAvailableException. */
    String simpleType() {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
