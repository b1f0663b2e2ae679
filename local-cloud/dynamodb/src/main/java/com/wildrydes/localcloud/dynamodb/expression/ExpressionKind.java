package com.wildrydes.localcloud.dynamodb.expression;

/** The request parameter an expression came from; DynamoDB names it in every error about the expression. */
public enum ExpressionKind {
    CONDITION("ConditionExpression"),
    FILTER("FilterExpression"),
    KEY_CONDITION("KeyConditionExpression"),
    UPDATE("UpdateExpression"),
    PROJECTION("ProjectionExpression");

    private final String parameter;

    ExpressionKind(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
