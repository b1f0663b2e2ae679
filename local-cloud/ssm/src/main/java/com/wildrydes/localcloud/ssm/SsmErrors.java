package com.wildrydes.localcloud.ssm;

import com.wildrydes.localcloud.http.AwsServiceException;

/** SSM's errors with AWS's codes and messages. */
final class SsmErrors {

    private SsmErrors() {
    }

    static AwsServiceException validation(String message) {
        return AwsServiceException.badRequest("ValidationException", message);
    }

    /** AWS's wording for a constraint on a request member, e.g. {@code value}; SSM shows numbers unquoted. */
    static AwsServiceException constraint(Object value, String member, String constraint) {
        String shown = value == null ? "null" : value instanceof Number ? value.toString() : "'" + value + "'";
        return validation("1 validation error detected: Value " + shown + " at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    static AwsServiceException serialization(String message) {
        return AwsServiceException.badRequest("SerializationException", message);
    }

    static AwsServiceException notFound(String name) {
        return AwsServiceException.badRequest("ParameterNotFound", "Parameter " + name + " not found.");
    }

    static AwsServiceException alreadyExists() {
        return AwsServiceException.badRequest("ParameterAlreadyExists",
                "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
    }

    static AwsServiceException versionNotFound(String name, long version) {
        return AwsServiceException.badRequest("ParameterVersionNotFound",
                "Systems Manager could not find version " + version + " of " + name + ". Verify the version and try again.");
    }

    static AwsServiceException invalidNextToken() {
        return AwsServiceException.badRequest("InvalidNextToken", "The nextToken is not valid");
    }

    /** Something local-cloud does not implement, named with what it does support. */
    static AwsServiceException unsupported(String what, String operation, java.util.Collection<String> supported) {
        return validation("local-cloud SSM does not support " + what + " in " + operation
                + "; supported parameters: " + String.join(", ", new java.util.TreeSet<>(supported)));
    }
}
