package com.wildrydes.localcloud.dynamodb.expression;

/** One lexical token of an expression, with where it sits in the text. */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        /** An attribute name, keyword or function name. */
        WORD,
        /** {@code #name}. */
        NAME_PLACEHOLDER,
        /** {@code :value}. */
        VALUE_PLACEHOLDER,
        /** A list index inside brackets. */
        NUMBER,
        LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, COMMA, DOT,
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS,
        END
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    /** How DynamoDB shows the token in a syntax error. */
    String shown() {
        return kind == Kind.END ? "<EOF>" : text;
    }
}
