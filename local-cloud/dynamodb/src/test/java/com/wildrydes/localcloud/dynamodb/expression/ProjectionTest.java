package com.wildrydes.localcloud.dynamodb.expression;

import com.wildrydes.localcloud.dynamodb.AttributeValue;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.wildrydes.localcloud.dynamodb.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionTest {

    private static final Map<String, AttributeValue> ITEM = item("""
            {'id':{'S':'r1'},'Name':{'S':'Bucephalus'},'elems':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},
             'doc':{'M':{'x':{'N':'1'},'y':{'N':'2'},'z':{'M':{'deep':{'S':'d'}}}}}}""");

    private static Map<String, AttributeValue> project(String expression) {
        ExpressionContext context = new ExpressionContext(Map.of("#n", "Name"), Map.of());
        return new Projection(ExpressionParser.projection(expression, context)).apply(ITEM);
    }

    @Test
    void keepsTopLevelAttributesAndSkipsMissingOnes() {
        assertThat(project("id, #n, absent")).isEqualTo(item("{'id':{'S':'r1'},'Name':{'S':'Bucephalus'}}"));
    }

    @Test
    void keepsNestedPathsInsideTheirMapsAndListElementsInIndexOrder() {
        assertThat(project("doc.y, doc.z.deep, elems[2], elems[0], elems[7]")).isEqualTo(item("""
                {'doc':{'M':{'y':{'N':'2'},'z':{'M':{'deep':{'S':'d'}}}}},'elems':{'L':[{'S':'a'},{'S':'c'}]}}"""));
        assertThat(project("doc.nothing, id.x")).isEmpty();
    }

    @Test
    void refusesOverlappingPathsAndReservedWords() {
        assertThatThrownBy(() -> project("doc, doc.x")).hasMessage("Invalid ProjectionExpression: Two document paths overlap with "
                + "each other; must remove or rewrite one of these paths; path one: [doc], path two: [doc, x]");
        assertThatThrownBy(() -> project("id, Name")).hasMessage(
                "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: Name");
    }
}
