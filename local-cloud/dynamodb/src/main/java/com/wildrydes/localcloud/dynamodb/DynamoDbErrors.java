package com.wildrydes.localcloud.dynamodb;

import com.wildrydes.localcloud.http.AwsServiceException;

/** DynamoDB's errors with AWS's codes and messages. */
public final class DynamoDbErrors {

    private DynamoDbErrors() {
    }

    public static AwsServiceException validation(String message) {
        return AwsServiceException.badRequest("ValidationException", message);
    }

    /** "One or more parameter values were invalid: ..." */
    public static AwsServiceException invalidParameter(String detail) {
        return validation("One or more parameter values were invalid: " + detail);
    }

    /** AWS's wording for a constraint on a request member, e.g. {@code tableName}. */
    public static AwsServiceException constraint(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return validation("1 validation error detected: Value " + shown + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    public static AwsServiceException serialization(String message) {
        return AwsServiceException.badRequest("SerializationException", message);
    }

    /** For item operations on a table that does not exist. */
    public static AwsServiceException resourceNotFound() {
        return AwsServiceException.badRequest("ResourceNotFoundException", "Requested resource not found");
    }

    /** For DescribeTable and DeleteTable on a table that does not exist. */
    public static AwsServiceException tableNotFound(String table) {
        return AwsServiceException.badRequest("ResourceNotFoundException",
                "Requested resource not found: Table: " + table + " not found");
    }

    public static AwsServiceException tableExists(String table) {
        return AwsServiceException.badRequest("ResourceInUseException", "Table already exists: " + table);
    }

    public static AwsServiceException keyMismatch() {
        return validation("The provided key element does not match the schema");
    }

    /** A parameter local-cloud does not implement, named with the operation's supported ones. */
    public static AwsServiceException unsupported(String what, String operation, java.util.Collection<String> supported) {
        return validation("local-cloud DynamoDB does not support " + what + " in " + operation
                + "; supported parameters: " + String.join(", ", new java.util.TreeSet<>(supported)));
    }
}
