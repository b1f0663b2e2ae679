package com.wildrydes.localcloud.dynamodb.expression;

/** A token the grammar does not allow where it stands, described as DynamoDB describes it. */
final class ExpressionSyntaxException extends RuntimeException {

    /**
     * @param token the offending token as shown, {@code <EOF>} at the end
     * @param near  the text around it: from the token before to the token after
     */
    ExpressionSyntaxException(String token, String near) {
        super("Syntax error; token: \"" + token + "\", near: \"" + near + "\"", null, false, false);
    }
}
