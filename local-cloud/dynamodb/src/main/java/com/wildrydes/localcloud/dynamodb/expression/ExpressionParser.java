package com.wildrydes.localcloud.dynamodb.expression;

import com.wildrydes.localcloud.dynamodb.AttributeValue;
import com.wildrydes.localcloud.dynamodb.AttributeValueJson;
import com.wildrydes.localcloud.dynamodb.DynamoDbErrors;
import com.wildrydes.localcloud.http.AwsServiceException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser for DynamoDB's expression language. Conditions bind as DynamoDB documents:
 * comparisons, BETWEEN, IN and functions first, then NOT, then AND, then OR; parentheses group.
 *
 * <pre>
 * condition  := or
 * or         := and ("OR" and)*
 * and        := not ("AND" not)*
 * not        := "NOT" not | primary
 * primary    := "(" condition ")" | function "(" args ")"
 *             | operand comparator operand | operand "BETWEEN" operand "AND" operand
 *             | operand "IN" "(" operand ("," operand)* ")"
 * operand    := :value | path | "size" "(" path ")"
 * path       := (name | #name) ("." (name | #name) | "[" digits "]")*
 * update     := (("SET" set ("," set)*) | ("REMOVE" path ("," path)*) | ("ADD" path :value ("," ...)*)
 *               | ("DELETE" path :value ("," ...)*))+
 * set        := path "=" value ; value := term (("+" | "-") term)?
 * term       := :value | path | "if_not_exists" "(" path "," term ")" | "list_append" "(" term "," term ")"
 * projection := path ("," path)*
 * </pre>
 *
 * Placeholders are resolved while parsing, so the trees hold real names and values.
 */
public final class ExpressionParser {

    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final Set<String> TYPE_NAMES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private final String text;
    private final ExpressionKind kind;
    private final ExpressionContext context;
    private final List<Token> tokens;
    private int position;

    private ExpressionParser(String text, ExpressionKind kind, ExpressionContext context) {
        this.text = text;
        this.kind = kind;
        this.context = context;
        if (text.isBlank()) {
            throw invalid(kind, "The expression can not be empty;");
        }
        try {
            this.tokens = Tokenizer.tokenize(text);
        } catch (ExpressionSyntaxException e) {
            throw invalid(kind, e.getMessage());
        }
    }

    /** A ConditionExpression, FilterExpression or KeyConditionExpression. */
    public static Condition condition(String text, ExpressionKind kind, ExpressionContext context) {
        ExpressionParser parser = new ExpressionParser(text, kind, context);
        return parser.parseWhole(parser::or);
    }

    public static UpdateExpression update(String text, ExpressionContext context) {
        ExpressionParser parser = new ExpressionParser(text, ExpressionKind.UPDATE, context);
        UpdateExpression update = parser.parseWhole(parser::updateClauses);
        parser.requireNoOverlap(update.paths());
        return update;
    }

    public static List<Path> projection(String text, ExpressionContext context) {
        ExpressionParser parser = new ExpressionParser(text, ExpressionKind.PROJECTION, context);
        List<Path> paths = parser.parseWhole(() -> {
            List<Path> list = new ArrayList<>();
            list.add(parser.path());
            while (parser.accept(Token.Kind.COMMA)) {
                list.add(parser.path());
            }
            return list;
        });
        parser.requireNoOverlap(paths);
        return List.copyOf(paths);
    }

    /** "Invalid ConditionExpression: ..." and so on. */
    static AwsServiceException invalid(ExpressionKind kind, String detail) {
        return DynamoDbErrors.validation("Invalid " + kind.parameter() + ": " + detail);
    }

    private <T> T parseWhole(java.util.function.Supplier<T> rule) {
        try {
            T result = rule.get();
            if (peek().kind() != Token.Kind.END) {
                throw syntaxError();
            }
            return result;
        } catch (ExpressionSyntaxException e) {
            throw invalid(kind, e.getMessage());
        }
    }

    // ---- conditions

    private Condition or() {
        Condition condition = and();
        while (peek().isWord("OR")) {
            position++;
            condition = new Condition.Or(condition, and());
        }
        return condition;
    }

    private Condition and() {
        Condition condition = not();
        while (peek().isWord("AND")) {
            position++;
            condition = new Condition.And(condition, not());
        }
        return condition;
    }

    private Condition not() {
        if (peek().isWord("NOT")) {
            position++;
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        if (accept(Token.Kind.LEFT_PAREN)) {
            Condition inner = or();
            expect(Token.Kind.RIGHT_PAREN);
            return inner;
        }
        Token first = peek();
        if (first.kind() == Token.Kind.WORD && peekAt(1).kind() == Token.Kind.LEFT_PAREN
                && CONDITION_FUNCTIONS.contains(first.text())) {
            return conditionFunction();
        }
        Operand left = operand();
        Token next = peek();
        Condition.Comparator comparator = comparator(next);
        if (comparator != null) {
            position++;
            Operand right = operand();
            if (comparator != Condition.Comparator.EQ && comparator != Condition.Comparator.NE) {
                requireScalarLiteral(comparator.symbol(), left);
                requireScalarLiteral(comparator.symbol(), right);
            }
            return new Condition.Compare(left, comparator, right);
        }
        if (next.isWord("BETWEEN")) {
            position++;
            Operand lower = operand();
            expectWord("AND");
            Operand upper = operand();
            requireScalarLiteral("BETWEEN", left);
            checkBetweenBounds(lower, upper);
            return new Condition.Between(left, lower, upper);
        }
        if (next.isWord("IN")) {
            position++;
            expect(Token.Kind.LEFT_PAREN);
            List<Operand> candidates = new ArrayList<>();
            candidates.add(operand());
            while (accept(Token.Kind.COMMA)) {
                candidates.add(operand());
            }
            expect(Token.Kind.RIGHT_PAREN);
            return new Condition.In(left, candidates);
        }
        throw syntaxError();
    }

    private Condition conditionFunction() {
        String function = next().text();
        expect(Token.Kind.LEFT_PAREN);
        Path path = path();
        Condition condition = switch (function) {
            case "attribute_exists" -> new Condition.AttributeExists(path);
            case "attribute_not_exists" -> new Condition.AttributeNotExists(path);
            case "attribute_type" -> {
                expect(Token.Kind.COMMA);
                Operand type = operand();
                if (type instanceof Operand.Value(String ignored, AttributeValue value)) {
                    if (!(value instanceof AttributeValue.S(String name))) {
                        throw invalid(kind, "Incorrect operand type for operator or function; operator or function: "
                                + "attribute_type, operand type: " + value.type());
                    }
                    if (!TYPE_NAMES.contains(name)) {
                        throw invalid(kind, "Invalid attribute type name found; type: " + name
                                + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
                    }
                }
                yield new Condition.AttributeType(path, type);
            }
            case "begins_with" -> {
                expect(Token.Kind.COMMA);
                Operand prefix = operand();
                if (prefix instanceof Operand.Value(String ignored, AttributeValue value)
                        && !(value instanceof AttributeValue.S || value instanceof AttributeValue.B)) {
                    throw invalid(kind, "Incorrect operand type for operator or function; operator or function: "
                            + "begins_with, operand type: " + value.type());
                }
                yield new Condition.BeginsWith(new Operand.PathOperand(path), prefix);
            }
            case "contains" -> {
                expect(Token.Kind.COMMA);
                yield new Condition.Contains(new Operand.PathOperand(path), operand());
            }
            default -> throw new IllegalStateException(function);
        };
        expect(Token.Kind.RIGHT_PAREN);
        return condition;
    }

    private Operand operand() {
        Token token = peek();
        switch (token.kind()) {
            case VALUE_PLACEHOLDER -> {
                position++;
                return new Operand.Value(token.text(), context.value(token.text(), kind));
            }
            case WORD -> {
                if (peekAt(1).kind() == Token.Kind.LEFT_PAREN) {
                    if (token.text().equals("size")) {
                        position += 2;
                        Path path = path();
                        expect(Token.Kind.RIGHT_PAREN);
                        return new Operand.Size(path);
                    }
                    throw misplacedFunction(token.text());
                }
                return new Operand.PathOperand(path());
            }
            case NAME_PLACEHOLDER -> {
                return new Operand.PathOperand(path());
            }
            default -> throw syntaxError();
        }
    }

    private AwsServiceException misplacedFunction(String function) {
        if (CONDITION_FUNCTIONS.contains(function) || UPDATE_FUNCTIONS.contains(function) || function.equals("size")) {
            return invalid(kind, "The function is not allowed to be used this way in an expression; function: " + function);
        }
        return invalid(kind, "Invalid function name; function: " + function);
    }

    private void requireScalarLiteral(String operator, Operand operand) {
        if (operand instanceof Operand.Value(String ignored, AttributeValue value)
                && !(value instanceof AttributeValue.S || value instanceof AttributeValue.N || value instanceof AttributeValue.B)) {
            throw invalid(kind, "Incorrect operand type for operator or function; operator or function: "
                    + operator + ", operand type: " + value.type());
        }
    }

    private void checkBetweenBounds(Operand lower, Operand upper) {
        requireScalarLiteral("BETWEEN", lower);
        requireScalarLiteral("BETWEEN", upper);
        if (lower instanceof Operand.Value(String a, AttributeValue low) && upper instanceof Operand.Value(String b, AttributeValue high)) {
            String bounds = "lower bound operand: AttributeValue: {" + shown(low) + "}, upper bound operand: AttributeValue: {"
                    + shown(high) + "}";
            if (!low.type().equals(high.type())) {
                throw invalid(kind, "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
            }
            if (AttributeValue.compareScalars(low, high) > 0) {
                throw invalid(kind, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
            }
        }
    }

    private static String shown(AttributeValue value) {
        return value.type() + ":" + AttributeValueJson.write(value).get(value.type()).asText();
    }

    private static Condition.Comparator comparator(Token token) {
        return switch (token.kind()) {
            case EQ -> Condition.Comparator.EQ;
            case NE -> Condition.Comparator.NE;
            case LT -> Condition.Comparator.LT;
            case LE -> Condition.Comparator.LE;
            case GT -> Condition.Comparator.GT;
            case GE -> Condition.Comparator.GE;
            default -> null;
        };
    }

    // ---- update expressions

    private UpdateExpression updateClauses() {
        List<UpdateExpression.Action> actions = new ArrayList<>();
        Set<String> clauses = new HashSet<>();
        do {
            Token keyword = next();
            String clause = keyword.kind() == Token.Kind.WORD ? keyword.text().toUpperCase(Locale.ROOT) : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(clause)) {
                position--;
                throw syntaxError();
            }
            if (!clauses.add(clause)) {
                throw invalid(kind, "The \"" + clause + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(switch (clause) {
                    case "SET" -> setAction();
                    case "REMOVE" -> new UpdateExpression.Remove(path());
                    case "ADD" -> {
                        Path path = path();
                        Operand.Value value = literal();
                        if (!(value.value() instanceof AttributeValue.N || isSet(value.value()))) {
                            throw invalid(kind, "Incorrect operand type for operator or function; operator: ADD, operand type: "
                                    + longTypeName(value.value()));
                        }
                        yield new UpdateExpression.Add(path, value);
                    }
                    case "DELETE" -> {
                        Path path = path();
                        Operand.Value value = literal();
                        if (!isSet(value.value())) {
                            throw invalid(kind, "Incorrect operand type for operator or function; operator: DELETE, operand type: "
                                    + longTypeName(value.value()));
                        }
                        yield new UpdateExpression.Delete(path, value);
                    }
                    default -> throw new IllegalStateException(clause);
                });
            } while (accept(Token.Kind.COMMA));
        } while (peek().kind() != Token.Kind.END);
        return new UpdateExpression(actions);
    }

    private UpdateExpression.Set setAction() {
        Path path = path();
        expect(Token.Kind.EQ);
        Operand value = term();
        Token next = peek();
        if (next.kind() == Token.Kind.PLUS || next.kind() == Token.Kind.MINUS) {
            position++;
            Operand right = term();
            char operator = next.kind() == Token.Kind.PLUS ? '+' : '-';
            requireNumberLiteral(String.valueOf(operator), value);
            requireNumberLiteral(String.valueOf(operator), right);
            value = new Operand.Arithmetic(value, operator, right);
        }
        return new UpdateExpression.Set(path, value);
    }

    private Operand term() {
        Token token = peek();
        if (token.kind() == Token.Kind.WORD && peekAt(1).kind() == Token.Kind.LEFT_PAREN) {
            position += 2;
            Operand result = switch (token.text()) {
                case "if_not_exists" -> {
                    Path path = path();
                    expect(Token.Kind.COMMA);
                    yield new Operand.IfNotExists(path, term());
                }
                case "list_append" -> {
                    Operand first = term();
                    expect(Token.Kind.COMMA);
                    Operand second = term();
                    requireListLiteral(first);
                    requireListLiteral(second);
                    yield new Operand.ListAppend(first, second);
                }
                default -> {
                    if (CONDITION_FUNCTIONS.contains(token.text()) || token.text().equals("size")) {
                        throw invalid(kind, "The function is not allowed in an update expression; function: " + token.text());
                    }
                    throw invalid(kind, "Invalid function name; function: " + token.text());
                }
            };
            expect(Token.Kind.RIGHT_PAREN);
            return result;
        }
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            return literal();
        }
        if (token.kind() == Token.Kind.WORD || token.kind() == Token.Kind.NAME_PLACEHOLDER) {
            return new Operand.PathOperand(path());
        }
        throw syntaxError();
    }

    private Operand.Value literal() {
        Token token = next();
        if (token.kind() != Token.Kind.VALUE_PLACEHOLDER) {
            position--;
            throw syntaxError();
        }
        return new Operand.Value(token.text(), context.value(token.text(), kind));
    }

    private void requireNumberLiteral(String operator, Operand operand) {
        if (operand instanceof Operand.Value(String ignored, AttributeValue value) && !(value instanceof AttributeValue.N)) {
            throw invalid(kind, "Incorrect operand type for operator or function; operator or function: " + operator
                    + ", operand type: " + value.type());
        }
    }

    private void requireListLiteral(Operand operand) {
        if (operand instanceof Operand.Value(String ignored, AttributeValue value) && !(value instanceof AttributeValue.L)) {
            throw invalid(kind, "Incorrect operand type for operator or function; operator or function: list_append, operand type: "
                    + value.type());
        }
    }

    private static boolean isSet(AttributeValue value) {
        return value instanceof AttributeValue.SS || value instanceof AttributeValue.NS || value instanceof AttributeValue.BS;
    }

    private static String longTypeName(AttributeValue value) {
        return switch (value.type()) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "NULL" -> "NULL";
            case "L" -> "LIST";
            case "M" -> "MAP";
            case "SS" -> "STRING SET";
            case "NS" -> "NUMBER SET";
            default -> "BINARY SET";
        };
    }

    // ---- paths

    private Path path() {
        List<Path.Element> elements = new ArrayList<>();
        elements.add(new Path.Name(attributeName()));
        while (true) {
            if (accept(Token.Kind.DOT)) {
                elements.add(new Path.Name(attributeName()));
            } else if (accept(Token.Kind.LEFT_BRACKET)) {
                Token index = next();
                if (index.kind() != Token.Kind.NUMBER || index.text().length() > 9) {
                    position--;
                    throw syntaxError();
                }
                elements.add(new Path.Index(Integer.parseInt(index.text())));
                expect(Token.Kind.RIGHT_BRACKET);
            } else {
                return new Path(elements);
            }
        }
    }

    private String attributeName() {
        Token token = next();
        return switch (token.kind()) {
            case NAME_PLACEHOLDER -> context.name(token.text(), kind);
            case WORD -> {
                if (ReservedWords.isReserved(token.text())) {
                    throw invalid(kind, "Attribute name is a reserved keyword; reserved keyword: " + token.text());
                }
                yield token.text();
            }
            default -> {
                position--;
                throw syntaxError();
            }
        };
    }

    /** DynamoDB refuses two paths where one contains the other, or where they disagree about a level's type. */
    private void requireNoOverlap(List<Path> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                List<Path.Element> a = paths.get(i).elements();
                List<Path.Element> b = paths.get(j).elements();
                int common = Math.min(a.size(), b.size());
                int k = 0;
                while (k < common && a.get(k).equals(b.get(k))) {
                    k++;
                }
                if (k == common) {
                    throw invalid(kind, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                            + paths.get(i) + ", path two: " + paths.get(j));
                }
                if (a.get(k).getClass() != b.get(k).getClass()) {
                    throw invalid(kind, "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: "
                            + paths.get(i) + ", path two: " + paths.get(j));
                }
            }
        }
    }

    // ---- tokens

    private Token peek() {
        return tokens.get(position);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.END) {
            position++;
        }
        return token;
    }

    private boolean accept(Token.Kind kind) {
        if (peek().kind() == kind) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(Token.Kind kind) {
        if (!accept(kind)) {
            throw syntaxError();
        }
    }

    private void expectWord(String word) {
        if (!peek().isWord(word)) {
            throw syntaxError();
        }
        position++;
    }

    /** The token at the current position is not allowed; DynamoDB shows it with its neighbours. */
    private ExpressionSyntaxException syntaxError() {
        Token token = peek();
        int from = position > 0 ? tokens.get(position - 1).start() : token.start();
        Token after = peekAt(1);
        int to = after.kind() == Token.Kind.END ? token.end() : after.end();
        return new ExpressionSyntaxException(token.shown(), text.substring(from, Math.max(from, to)));
    }
}
