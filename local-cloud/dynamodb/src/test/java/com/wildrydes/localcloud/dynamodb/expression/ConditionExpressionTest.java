package com.wildrydes.localcloud.dynamodb.expression;

import com.wildrydes.localcloud.dynamodb.AttributeValue;
import com.wildrydes.localcloud.http.AwsServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static com.wildrydes.localcloud.dynamodb.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionExpressionTest {

    private static final Map<String, AttributeValue> ITEM = item("""
            {'id':{'S':'ride-1'},'n':{'N':'10'},'s':{'S':'Shadowfax'},'b':{'B':'AQID'},'flag':{'BOOL':true},
             'nothing':{'NULL':true},'tags':{'SS':['white','fast']},'nums':{'NS':['1','2']},
             'elems':{'L':[{'S':'x'},{'N':'7'}]},'doc':{'M':{'kid':{'S':'deep'},'count':{'N':'3'}}},
             'Name':{'S':'reserved'},'with-dash':{'S':'dashed'}}""");

    private static final Map<String, AttributeValue> VALUES = item("""
            {':ten':{'N':'10'},':ten2':{'N':'10.000'},':nine':{'N':'9'},':eleven':{'N':'11'},':str':{'S':'Shadowfax'},
             ':sha':{'S':'Sha'},':fax':{'S':'fax'},':white':{'S':'white'},':one':{'N':'1'},':x':{'S':'x'},
             ':deep':{'S':'deep'},':three':{'N':'3'},':typeS':{'S':'S'},':typeSS':{'S':'SS'},':b12':{'B':'AQI='},
             ':b3':{'B':'Aw=='},':a':{'S':'a'},':z':{'S':'z'},':elems':{'L':[{'S':'x'},{'N':'7'}]},':seven':{'N':'7'}}""");

    private static boolean holds(String expression) {
        ExpressionContext context = new ExpressionContext(Map.of("#n", "Name", "#d", "with-dash", "#m", "doc"), VALUES);
        return ConditionEvaluator.test(ExpressionParser.condition(expression, ExpressionKind.CONDITION, context), ITEM);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "n = :ten | true",
            "n = :ten2 | true",
            "n = :nine | false",
            "n <> :nine | true",
            "n <> :ten | false",
            "n < :eleven | true",
            "n < :ten | false",
            "n <= :ten | true",
            "n > :nine | true",
            "n > :ten | false",
            "n >= :ten | true",
            ":nine < n | true",
            "s = :str | true",
            "s > :sha | true",
            "absent = :ten | false",
            "absent <> :ten | true",
            "absent < :ten | false",
            "s < :ten | false",
            "n BETWEEN :nine AND :eleven | true",
            "n BETWEEN :ten AND :ten | true",
            "n BETWEEN :eleven AND :eleven | false",
            "s BETWEEN :a AND :z | false",
            "n IN (:nine, :ten) | true",
            "n IN (:nine, :eleven) | false",
            "attribute_exists(n) | true",
            "attribute_exists(absent) | false",
            "attribute_not_exists(absent) | true",
            "attribute_not_exists(doc.kid) | false",
            "attribute_exists(doc.nope) | false",
            "attribute_exists(elems[1]) | true",
            "attribute_exists(elems[2]) | false",
            "attribute_type(s, :typeS) | true",
            "attribute_type(tags, :typeSS) | true",
            "attribute_type(n, :typeS) | false",
            "begins_with(s, :sha) | true",
            "begins_with(s, :fax) | false",
            "begins_with(b, :b12) | true",
            "begins_with(n, :sha) | false",
            "contains(s, :fax) | true",
            "contains(s, :white) | false",
            "contains(tags, :white) | true",
            "contains(nums, :one) | true",
            "contains(elems, :x) | true",
            "contains(elems, :seven) | true",
            "contains(b, :b3) | true",
            "size(s) = :nine | true",
            "size(tags) < :three | true",
            "size(elems) = :elems | false",
            "size(doc) > :one | true",
            "size(absent) = :nine | false",
            "elems = :elems | true",
            "elems[1] = :seven | true",
            "doc.kid = :deep | true",
            "#m.#n = :deep | false",
            "#m.kid = :deep | true",
            "#n = :str | false",
            "#d = :str | false",
            "NOT n = :ten | false",
            "not n = :nine | true",
            "n = :ten and s = :str | true",
            "n = :nine OR s = :str | true",
            "n = :nine OR s = :sha | false",
    })
    void evaluatesEachOperatorAndFunction(String expression, boolean expected) {
        assertThat(holds(expression)).isEqualTo(expected);
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        // OR lowest: true OR (false AND false) is true; (true OR false) AND false would be false
        assertThat(holds("n = :ten OR n = :nine AND s = :sha")).isTrue();
        assertThat(holds("(n = :ten OR n = :nine) AND s = :sha")).isFalse();
        // NOT applies to the comparison only: (NOT false) AND true
        assertThat(holds("NOT n = :nine AND s = :str")).isTrue();
        assertThat(holds("NOT (n = :ten AND s = :sha)")).isTrue();
        assertThat(holds("NOT NOT n = :ten")).isTrue();
    }

    @Test
    void refusesAttributesNamedWithReservedWordsUnlessThroughAPlaceholder() {
        assertThat(rejection("Name = :str"))
                .isEqualTo("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Name");
        assertThat(rejection("doc.Name = :str")).contains("reserved keyword: Name");
        assertThat(holds("#n = :str")).isFalse();
    }

    @Test
    void refusesUndefinedPlaceholdersInAwsWords() {
        assertThat(rejection("n = :undefined")).isEqualTo("Invalid ConditionExpression: An expression attribute value used in "
                + "expression is not defined; attribute value: :undefined");
        assertThat(rejection("#undefined = :ten")).isEqualTo("Invalid ConditionExpression: An expression attribute name used in "
                + "the document path is not defined; attribute name: #undefined");
    }

    @Test
    void reportsUnusedPlaceholders() {
        ExpressionContext context = new ExpressionContext(Map.of("#n", "Name", "#unused", "x"),
                item("{':v':{'S':'a'},':w':{'S':'b'},':spare':{'N':'1'}}"));
        ExpressionParser.condition("#n = :v OR #n = :w", ExpressionKind.CONDITION, context);
        assertThatThrownBy(context::requireAllUsed).hasMessage(
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}");
        ExpressionContext valuesOnly = new ExpressionContext(Map.of(), item("{':v':{'S':'a'},':b':{'N':'1'},':a':{'N':'2'}}"));
        ExpressionParser.condition("x = :v", ExpressionKind.FILTER, valuesOnly);
        assertThatThrownBy(valuesOnly::requireAllUsed).hasMessage(
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :b}");
    }

    @Test
    void describesSyntaxErrorsWithTheOffendingToken() {
        assertThat(rejection("n = = :ten")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :ten\"");
        assertThat(rejection("n =")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
        assertThat(rejection("n = :ten AND")).startsWith("Invalid ConditionExpression: Syntax error; token: \"<EOF>\"");
        assertThat(rejection("(n = :ten")).startsWith("Invalid ConditionExpression: Syntax error; token: \"<EOF>\"");
        assertThat(rejection("n = :ten)")).startsWith("Invalid ConditionExpression: Syntax error; token: \")\"");
        assertThat(rejection("n $ :ten")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"$\", near: \"n $\"");
        assertThat(rejection("n")).startsWith("Invalid ConditionExpression: Syntax error; token: \"<EOF>\"");
        assertThat(rejection("elems[x] = :ten")).startsWith("Invalid ConditionExpression: Syntax error; token: \"x\"");
        assertThat(rejection("  ")).isEqualTo("Invalid ConditionExpression: The expression can not be empty;");
    }

    @Test
    void refusesFunctionsThatDoNotExistOrDoNotBelong() {
        assertThat(rejection("frobnicate(n) = :ten")).isEqualTo("Invalid ConditionExpression: Invalid function name; function: frobnicate");
        assertThat(rejection("if_not_exists(n, :ten) = :ten")).isEqualTo(
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: if_not_exists");
        assertThat(rejection(":ten = attribute_exists(n)")).contains("function: attribute_exists");
    }

    @Test
    void checksLiteralOperandTypesAsDynamoDbDoes() {
        assertThat(rejection("begins_with(s, :ten)")).isEqualTo("Invalid ConditionExpression: Incorrect operand type for operator "
                + "or function; operator or function: begins_with, operand type: N");
        assertThat(rejection("n < :elems")).isEqualTo("Invalid ConditionExpression: Incorrect operand type for operator or "
                + "function; operator or function: <, operand type: L");
        assertThat(rejection("attribute_type(n, :sha)")).isEqualTo("Invalid ConditionExpression: Invalid attribute type name "
                + "found; type: Sha, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        assertThat(rejection("n BETWEEN :eleven AND :nine")).isEqualTo("Invalid ConditionExpression: The BETWEEN operator requires "
                + "upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:11}, "
                + "upper bound operand: AttributeValue: {N:9}");
        assertThat(rejection("n BETWEEN :nine AND :sha")).contains("requires same data type for lower and upper bounds");
    }

    private static String rejection(String expression) {
        try {
            holds(expression);
        } catch (AwsServiceException e) {
            assertThat(e.errorCode()).isEqualTo("ValidationException");
            return e.getMessage();
        }
        throw new AssertionError("expected " + expression + " to be refused");
    }
}
