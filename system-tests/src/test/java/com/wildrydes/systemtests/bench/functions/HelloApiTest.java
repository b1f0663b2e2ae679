package com.wildrydes.systemtests.bench.functions;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HelloApiTest {

    private final HelloApi handler = new HelloApi();

    @Test
    void answersAGetWithAProxyResponse() {
        Map<String, Object> response = handler.handleRequest(Map.of("httpMethod", "GET"), null);

        assertThat(response).containsEntry("statusCode", 200).containsEntry("body", "{\"Message\":\"Hello, world\"}");
    }

    @Test
    void refusesOtherMethodsNamingTheSupportedOne() {
        assertThat(handler.handleRequest(Map.of("httpMethod", "POST"), null))
                .containsEntry("statusCode", 405).extractingByKey("body").asString().contains("only GET");
        assertThat(handler.handleRequest(null, null)).containsEntry("statusCode", 405);
    }
}
