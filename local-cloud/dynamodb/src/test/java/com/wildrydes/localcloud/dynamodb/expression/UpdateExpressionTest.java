package com.wildrydes.localcloud.dynamodb.expression;

import com.wildrydes.localcloud.dynamodb.AttributeValue;
import com.wildrydes.localcloud.http.AwsServiceException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.wildrydes.localcloud.dynamodb.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateExpressionTest {

    private static final Map<String, AttributeValue> ITEM = item("""
            {'id':{'S':'r1'},'count':{'N':'5'},'name':{'S':'Rocinante'},'tags':{'SS':['a','b']},'nums':{'NS':['1','2']},
             'elems':{'L':[{'S':'x'},{'S':'y'},{'S':'z'}]},'doc':{'M':{'kid':{'N':'1'},'deeper':{'M':{'leaf':{'S':'l'}}}}}}""");

    private static final Map<String, AttributeValue> VALUES = item("""
            {':one':{'N':'1'},':two':{'N':'2.50'},':s':{'S':'new'},':more':{'L':[{'S':'w'}]},':tagC':{'SS':['c']},
             ':tagA':{'SS':['a','b']},':num3':{'NS':['3']},':zero':{'N':'0'},':big':{'N':'99999999999999999999999999999999999999'}}""");

    private static Map<String, AttributeValue> apply(String expression) {
        ExpressionContext context = new ExpressionContext(Map.of("#c", "count", "#n", "name"), VALUES);
        return UpdateApplier.apply(ExpressionParser.update(expression, context), ITEM);
    }

    @Test
    void setsPlainValuesAndArithmetic() {
        assertThat(apply("SET newAttr = :s").get("newAttr")).isEqualTo(new AttributeValue.S("new"));
        assertThat(apply("SET #c = #c + :one").get("count")).isEqualTo(AttributeValue.N.of("6"));
        assertThat(apply("SET #c = #c - :two").get("count")).isEqualTo(AttributeValue.N.of("2.5"));
        assertThat(apply("SET spare = :two + :two").get("spare")).isEqualTo(AttributeValue.N.of("5"));
        assertThat(apply("set #c = :zero, #n = :s")).containsEntry("count", AttributeValue.N.of("0"))
                .containsEntry("name", new AttributeValue.S("new"));
    }

    @Test
    void evaluatesEveryRightHandSideAgainstTheItemBeforeTheUpdate() {
        Map<String, AttributeValue> swapped = apply("SET #c = #n, #n = #c");
        assertThat(swapped).containsEntry("count", new AttributeValue.S("Rocinante")).containsEntry("name", AttributeValue.N.of("5"));
        assertThatThrownBy(() -> apply("SET spare = :one, #c = spare"))
                .hasMessage("The provided expression refers to an attribute that does not exist in the item");
    }

    @Test
    void ifNotExistsAndListAppend() {
        assertThat(apply("SET #c = if_not_exists(#c, :zero) + :one").get("count")).isEqualTo(AttributeValue.N.of("6"));
        assertThat(apply("SET fresh = if_not_exists(fresh, :zero) + :one").get("fresh")).isEqualTo(AttributeValue.N.of("1"));
        assertThat(apply("SET elems = list_append(elems, :more)").get("elems")).isEqualTo(item(
                "{'l':{'L':[{'S':'x'},{'S':'y'},{'S':'z'},{'S':'w'}]}}").get("l"));
        assertThat(apply("SET elems = list_append(:more, elems)").get("elems")).isEqualTo(item(
                "{'l':{'L':[{'S':'w'},{'S':'x'},{'S':'y'},{'S':'z'}]}}").get("l"));
        assertThat(apply("SET fresh = list_append(if_not_exists(fresh, :more), :more)").get("fresh")).isEqualTo(item(
                "{'l':{'L':[{'S':'w'},{'S':'w'}]}}").get("l"));
    }

    @Test
    void writesNestedPathsAndAppendsPastTheEndOfAList() {
        Map<String, AttributeValue> updated = apply("SET doc.kid = :s, doc.deeper.leaf = :one, elems[1] = :s, elems[9] = :one");
        assertThat(updated.get("doc")).isEqualTo(item(
                "{'m':{'M':{'kid':{'S':'new'},'deeper':{'M':{'leaf':{'N':'1'}}}}}}").get("m"));
        assertThat(updated.get("elems")).isEqualTo(item(
                "{'l':{'L':[{'S':'x'},{'S':'new'},{'S':'z'},{'N':'1'}]}}").get("l"));
        assertThatThrownBy(() -> apply("SET nothing.here = :one"))
                .hasMessage("The document path provided in the update expression is invalid for update");
        assertThatThrownBy(() -> apply("SET #n.kid = :one"))
                .hasMessage("The document path provided in the update expression is invalid for update");
    }

    @Test
    void removesAttributesAndListElementsByTheirOriginalIndexes() {
        Map<String, AttributeValue> updated = apply("REMOVE #n, elems[0], elems[2], doc.kid, absent");
        assertThat(updated).doesNotContainKeys("name", "absent");
        assertThat(updated.get("elems")).isEqualTo(item("{'l':{'L':[{'S':'y'}]}}").get("l"));
        assertThat(updated.get("doc")).isEqualTo(item("{'m':{'M':{'deeper':{'M':{'leaf':{'S':'l'}}}}}}").get("m"));
    }

    @Test
    void addsToNumbersAndSetsAndDeletesFromSets() {
        assertThatThrownBy(() -> apply("ADD tags :tagC DELETE tags :tagA")).hasMessageContaining("Two document paths overlap");
        Map<String, AttributeValue> added = apply("ADD #c :one, tags :tagC, nums :num3, fresh :one");
        assertThat(added.get("count")).isEqualTo(AttributeValue.N.of("6"));
        assertThat(added.get("tags")).isEqualTo(new AttributeValue.SS(java.util.Set.of("a", "b", "c")));
        assertThat(added.get("nums")).isEqualTo(item("{'x':{'NS':['1','2','3']}}").get("x"));
        assertThat(added.get("fresh")).isEqualTo(AttributeValue.N.of("1"));
        assertThat(apply("DELETE tags :tagA")).doesNotContainKey("tags");
        assertThat(apply("DELETE tags :tagC").get("tags")).isEqualTo(new AttributeValue.SS(java.util.Set.of("a", "b")));
        assertThatThrownBy(() -> apply("ADD #n :one")).hasMessage("An operand in the update expression has an incorrect data type");
        assertThatThrownBy(() -> apply("ADD #c :s")).hasMessage(
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING");
        assertThatThrownBy(() -> apply("DELETE tags :one")).hasMessage(
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER");
    }

    @Test
    void refusesWrongTypesInArithmeticAndListAppend() {
        assertThatThrownBy(() -> apply("SET #n = #n + :one")).hasMessage("Invalid UpdateExpression: Incorrect operand type for "
                + "operator or function; operator or function: +, operand type: S");
        assertThatThrownBy(() -> apply("SET #n = :one - #n")).hasMessage("Invalid UpdateExpression: Incorrect operand type for "
                + "operator or function; operator or function: -, operand type: S");
        assertThatThrownBy(() -> apply("SET elems = list_append(elems, #n)")).hasMessage("Invalid UpdateExpression: Incorrect "
                + "operand type for operator or function; operator or function: list_append, operand type: S");
        assertThatThrownBy(() -> apply("SET x = :s + :one")).hasMessage("Invalid UpdateExpression: Incorrect operand type for "
                + "operator or function; operator or function: +, operand type: S");
        assertThatThrownBy(() -> apply("SET #c = #c + :big + :one")).hasMessageStartingWith("Invalid UpdateExpression: Syntax error");
    }

    @Test
    void refusesOverlappingPathsRepeatedClausesAndMisplacedFunctions() {
        assertThatThrownBy(() -> apply("SET doc = :s, doc.kid = :one")).hasMessage("Invalid UpdateExpression: Two document paths "
                + "overlap with each other; must remove or rewrite one of these paths; path one: [doc], path two: [doc, kid]");
        assertThatThrownBy(() -> apply("SET elems[0] = :s REMOVE elems[0]")).hasMessageContaining("overlap");
        assertThatThrownBy(() -> apply("SET doc.a = :s, doc[0] = :s")).hasMessageContaining("Two document paths conflict");
        assertThatThrownBy(() -> apply("SET a = :s SET b = :s")).hasMessage(
                "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
        assertThatThrownBy(() -> apply("SET a = size(elems)")).hasMessage(
                "Invalid UpdateExpression: The function is not allowed in an update expression; function: size");
        assertThatThrownBy(() -> apply("UPSERT a = :s")).hasMessageStartingWith(
                "Invalid UpdateExpression: Syntax error; token: \"UPSERT\"");
        assertThatThrownBy(() -> apply("SET a :s")).hasMessageStartingWith("Invalid UpdateExpression: Syntax error; token: \":s\"");
    }

    @Test
    void numberResultsStayWithinDynamoDbLimits() {
        AwsServiceException tooPrecise = org.junit.jupiter.api.Assertions.assertThrows(AwsServiceException.class,
                () -> apply("SET x = :big + :two"));
        assertThat(tooPrecise.getMessage()).isEqualTo("Attempting to store more than 38 significant digits in a Number");
    }
}
