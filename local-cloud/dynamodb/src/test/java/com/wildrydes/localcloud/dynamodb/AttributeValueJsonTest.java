package com.wildrydes.localcloud.dynamodb;

import com.wildrydes.localcloud.http.AwsServiceException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.wildrydes.localcloud.dynamodb.TestItems.item;
import static com.wildrydes.localcloud.dynamodb.TestItems.json;
import static org.assertj.core.api.Assertions.assertThat;

class AttributeValueJsonTest {

    @Test
    void roundTripsEveryType() {
        String text = """
                {'s':{'S':'text'},'n':{'N':'-12.5'},'b':{'B':'AAEC/w=='},'t':{'BOOL':true},'z':{'NULL':true},
                 'l':{'L':[{'S':'a'},{'N':'1'}]},'m':{'M':{'k':{'SS':['x','y']}}},'ns':{'NS':['1','2.5']},'bs':{'BS':['AQ==']}}""";
        Map<String, AttributeValue> item = item(text);
        assertThat(AttributeValueJson.writeItem(item)).isEqualTo(json(text));
    }

    @Test
    void storesNumbersWithoutLeadingOrTrailingZeros() {
        assertThat(AttributeValueJson.writeItem(item("{'a':{'N':'001.500'},'b':{'N':'1E+3'},'c':{'N':'-0.0'},'d':{'N':'100'}}")))
                .isEqualTo(json("{'a':{'N':'1.5'},'b':{'N':'1000'},'c':{'N':'0'},'d':{'N':'100'}}"));
        assertThat(item("{'a':{'N':'1.0'}}")).isEqualTo(item("{'a':{'N':'1'}}"));
        assertThat(item("{'a':{'NS':['1.0','2']}}")).isEqualTo(item("{'a':{'NS':['2','1']}}"));
    }

    @Test
    void refusesValuesDynamoDbRefuses() {
        assertThat(refusal("{'a':{'N':'abc'}}")).isEqualTo("The parameter cannot be converted to a numeric value: abc");
        assertThat(refusal("{'a':{'N':'1e126'}}")).startsWith("Number overflow.");
        assertThat(refusal("{'a':{'N':'1e-131'}}")).startsWith("Number underflow.");
        assertThat(refusal("{'a':{'N':'1234567890123456789012345678901234567891'}}"))
                .isEqualTo("Attempting to store more than 38 significant digits in a Number");
        assertThat(refusal("{'a':{'SS':[]}}")).isEqualTo("One or more parameter values were invalid: An string set  may not be empty");
        assertThat(refusal("{'a':{'SS':['x','x']}}")).isEqualTo(
                "One or more parameter values were invalid: Input collection [x, x] contains duplicates.");
        assertThat(refusal("{'a':{'NS':['1','1.0']}}")).contains("contains duplicates");
        assertThat(refusal("{'a':{}}")).isEqualTo(
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertThat(refusal("{'a':{'S':'x','N':'1'}}")).isEqualTo(
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        assertThat(refusal("{'a':{'NULL':false}}")).isEqualTo(
                "One or more parameter values were invalid: Null attribute value types must have the value of true");
    }

    @Test
    void countsItemSizeLikeDynamoDb() {
        assertThat(AttributeValue.itemSize(item("{'ab':{'S':'héllo'}}"))).isEqualTo(2 + 6);
        assertThat(AttributeValue.itemSize(item("{'n':{'N':'123'}}"))).isEqualTo(1 + 3);
        assertThat(AttributeValue.itemSize(item("{'f':{'BOOL':true},'b':{'B':'AQID'}}"))).isEqualTo(1 + 1 + 1 + 3);
    }

    @Test
    void convertsToPlainValuesForTheConsole() {
        assertThat(AttributeValue.toPlain(item("{'s':{'S':'x'},'n':{'N':'2'},'m':{'M':{'l':{'L':[{'BOOL':false},{'NULL':true}]}}}}")))
                .isEqualTo(Map.of("s", "x", "n", new java.math.BigDecimal("2"),
                        "m", Map.of("l", java.util.Arrays.asList(false, null))));
    }

    private static String refusal(String text) {
        try {
            item(text);
        } catch (AwsServiceException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected " + text + " to be refused");
    }
}
