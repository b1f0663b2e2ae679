package com.wildrydes.localcloud.sns;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterPolicyTest {

    private static final Map<String, SnsMessageAttribute> GOLDEN_RIDE = Map.of(
            "Color", new SnsMessageAttribute("String", "Golden"),
            "Fare", new SnsMessageAttribute("Number", "12.50"),
            "Tags", new SnsMessageAttribute("String.Array", "[\"fast\",\"shiny\"]"),
            "Blob", new SnsMessageAttribute("Binary", "AAE="));

    private static boolean matches(String policy) {
        return FilterPolicy.parse(policy, null).matches(GOLDEN_RIDE, "ignored");
    }

    @Test
    void exactStringsAndListsOfThem() {
        assertThat(matches("{\"Color\":[\"Golden\"]}")).isTrue();
        assertThat(matches("{\"Color\":[\"White\",\"Golden\"]}")).isTrue();
        assertThat(matches("{\"Color\":[\"golden\"]}")).isFalse();
        assertThat(matches("{\"Color\":[\"Golden\"],\"Fare\":[100]}")).as("every key must match").isFalse();
    }

    @Test
    void exactNumbersCompareAsNumbers() {
        assertThat(matches("{\"Fare\":[12.5]}")).isTrue();
        assertThat(matches("{\"Fare\":[\"12.50\"]}")).as("a string condition does not match a Number attribute").isFalse();
        assertThat(matches("{\"Color\":[12.5]}")).isFalse();
    }

    @Test
    void prefixSuffixAndIgnoringCase() {
        assertThat(matches("{\"Color\":[{\"prefix\":\"Gol\"}]}")).isTrue();
        assertThat(matches("{\"Color\":[{\"prefix\":\"gol\"}]}")).isFalse();
        assertThat(matches("{\"Color\":[{\"suffix\":\"den\"}]}")).isTrue();
        assertThat(matches("{\"Color\":[{\"equals-ignore-case\":\"GOLDEN\"}]}")).isTrue();
    }

    @Test
    void anythingBut() {
        assertThat(matches("{\"Color\":[{\"anything-but\":\"White\"}]}")).isTrue();
        assertThat(matches("{\"Color\":[{\"anything-but\":[\"White\",\"Golden\"]}]}")).isFalse();
        assertThat(matches("{\"Color\":[{\"anything-but\":{\"prefix\":\"Go\"}}]}")).isFalse();
        assertThat(matches("{\"Fare\":[{\"anything-but\":[100]}]}")).isTrue();
        assertThat(matches("{\"Missing\":[{\"anything-but\":\"x\"}]}")).as("an absent attribute matches nothing but exists:false").isFalse();
    }

    @Test
    void numericRanges() {
        assertThat(matches("{\"Fare\":[{\"numeric\":[\">\",10,\"<=\",12.5]}]}")).isTrue();
        assertThat(matches("{\"Fare\":[{\"numeric\":[\">\",10,\"<\",12.5]}]}")).isFalse();
        assertThat(matches("{\"Fare\":[{\"numeric\":[\"=\",12.5]}]}")).isTrue();
        assertThat(matches("{\"Fare\":[{\"numeric\":[\">=\",13]}]}")).isFalse();
        assertThat(matches("{\"Color\":[{\"numeric\":[\">\",0]}]}")).as("numeric conditions need a Number").isFalse();
    }

    @Test
    void existence() {
        assertThat(matches("{\"Color\":[{\"exists\":true}]}")).isTrue();
        assertThat(matches("{\"Missing\":[{\"exists\":false}]}")).isTrue();
        assertThat(matches("{\"Color\":[{\"exists\":false}]}")).isFalse();
        assertThat(matches("{\"Blob\":[{\"exists\":true}]}")).as("binary attributes take no part").isFalse();
    }

    @Test
    void stringArraysMatchWhenAnyElementDoes() {
        assertThat(matches("{\"Tags\":[\"shiny\"]}")).isTrue();
        assertThat(matches("{\"Tags\":[{\"prefix\":\"fa\"}]}")).isTrue();
        assertThat(matches("{\"Tags\":[\"slow\"]}")).isFalse();
    }

    @Test
    void orCombinesAlternativePolicies() {
        assertThat(matches("{\"$or\":[{\"Color\":[\"White\"]},{\"Fare\":[{\"numeric\":[\">\",10]}]}]}")).isTrue();
        assertThat(matches("{\"$or\":[{\"Color\":[\"White\"]},{\"Fare\":[{\"numeric\":[\">\",100]}]}]}")).isFalse();
    }

    @Test
    void theMessageBodyScopeMatchesNestedJson() {
        FilterPolicy policy = FilterPolicy.parse("{\"Unicorn\":{\"Color\":[\"Golden\"]},\"Fare\":[{\"numeric\":[\">\",5]}]}", "MessageBody");
        assertThat(policy.matches(Map.of(), "{\"Unicorn\":{\"Color\":\"Golden\"},\"Fare\":9}")).isTrue();
        assertThat(policy.matches(Map.of(), "{\"Unicorn\":{\"Color\":\"White\"},\"Fare\":9}")).isFalse();
        assertThat(policy.matches(Map.of(), "not json")).isFalse();
    }

    @Test
    void invalidPoliciesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> FilterPolicy.parse("{\"Color\":\"Golden\"}", null))
                .isInstanceOfSatisfying(SnsError.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("InvalidParameter");
                    assertThat(e.getMessage()).startsWith("Invalid parameter: FilterPolicy:");
                });
        assertThatThrownBy(() -> FilterPolicy.parse("{\"Color\":[{\"wildcard\":\"G*\"}]}", null))
                .hasMessageContaining("unsupported operator \"wildcard\"").hasMessageContaining("anything-but");
        assertThatThrownBy(() -> FilterPolicy.parse("{\"Fare\":[{\"numeric\":[\"<\",10,\">\",1]}]}", null))
                .hasMessageContaining("numeric");
        assertThatThrownBy(() -> FilterPolicy.parse("{\"Unicorn\":{\"Color\":[\"Golden\"]}}", "MessageAttributes"))
                .hasMessageContaining("MessageBody");
        assertThatThrownBy(() -> FilterPolicy.parse("{}", null)).isInstanceOf(SnsError.class);
        assertThatThrownBy(() -> FilterPolicy.parse("{\"Color\":[\"Golden\"]}", "Headers"))
                .hasMessageContaining("FilterPolicyScope");
    }
}
