package com.wildrydes.localcloud.lambda;

/**
 * How a caller names a function: {@code RequestRide}, {@code RequestRide:live},
 * {@code 000000000000:function:RequestRide} or {@code arn:aws:lambda:us-east-1:000000000000:function:RequestRide[:live]}.
 *
 * @param qualifier a version or alias, or null; local-cloud runs {@code $LATEST} whatever it says
 */
record FunctionReference(String name, String qualifier) {

    static FunctionReference parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw LambdaErrors.invalidParameter("FunctionName must name a function: a name, a partial ARN or an ARN");
        }
        String[] parts = reference.trim().split(":", -1);
        if (parts[0].equals("arn")) {
            // arn:aws:lambda:region:account:function:name[:qualifier]
            if (parts.length < 7 || parts.length > 8 || !parts[2].equals("lambda") || !parts[5].equals("function")) {
                throw LambdaErrors.invalidParameter("'" + reference + "' is not a Lambda function ARN");
            }
            return new FunctionReference(parts[6], parts.length == 8 ? parts[7] : null);
        }
        if (parts.length >= 3 && parts[1].equals("function")) {
            return new FunctionReference(parts[2], parts.length == 4 ? parts[3] : null);
        }
        if (parts.length > 2) {
            throw LambdaErrors.invalidParameter("'" + reference + "' is not a function name, partial ARN or ARN");
        }
        return new FunctionReference(parts[0], parts.length == 2 ? parts[1] : null);
    }
}
