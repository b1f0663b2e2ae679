package com.wildrydes.localcloud.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; the parser reports anything it cannot use as a syntax error. */
final class Tokenizer {

    private Tokenizer() {
    }

    /**
     * @throws ExpressionSyntaxException at a character no token can start with
     */
    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            Token.Kind kind;
            if (isWordStart(c)) {
                i = skipWord(text, i + 1);
                kind = Token.Kind.WORD;
            } else if (c == '#' || c == ':') {
                i = skipWord(text, i + 1);
                if (i == start + 1) {
                    throw unexpected(text, tokens, start, i);
                }
                kind = c == '#' ? Token.Kind.NAME_PLACEHOLDER : Token.Kind.VALUE_PLACEHOLDER;
            } else if (c >= '0' && c <= '9') {
                while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                kind = Token.Kind.NUMBER;
            } else {
                i++;
                kind = switch (c) {
                    case '(' -> Token.Kind.LEFT_PAREN;
                    case ')' -> Token.Kind.RIGHT_PAREN;
                    case '[' -> Token.Kind.LEFT_BRACKET;
                    case ']' -> Token.Kind.RIGHT_BRACKET;
                    case ',' -> Token.Kind.COMMA;
                    case '.' -> Token.Kind.DOT;
                    case '=' -> Token.Kind.EQ;
                    case '+' -> Token.Kind.PLUS;
                    case '-' -> Token.Kind.MINUS;
                    case '<' -> {
                        if (i < text.length() && text.charAt(i) == '=') {
                            i++;
                            yield Token.Kind.LE;
                        }
                        if (i < text.length() && text.charAt(i) == '>') {
                            i++;
                            yield Token.Kind.NE;
                        }
                        yield Token.Kind.LT;
                    }
                    case '>' -> {
                        if (i < text.length() && text.charAt(i) == '=') {
                            i++;
                            yield Token.Kind.GE;
                        }
                        yield Token.Kind.GT;
                    }
                    default -> throw unexpected(text, tokens, start, text.offsetByCodePoints(start, 1));
                };
            }
            tokens.add(new Token(kind, text.substring(start, i), start, i));
        }
        tokens.add(new Token(Token.Kind.END, "", text.length(), text.length()));
        return tokens;
    }

    private static ExpressionSyntaxException unexpected(String text, List<Token> before, int start, int end) {
        int from = before.isEmpty() ? start : before.get(before.size() - 1).start();
        return new ExpressionSyntaxException(text.substring(start, end), text.substring(from, end));
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static int skipWord(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!(isWordStart(c) || (c >= '0' && c <= '9'))) {
                break;
            }
            i++;
        }
        return i;
    }
}
