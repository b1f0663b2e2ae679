package com.wildrydes.localcloud.cloudformation.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ExecuteApiUrlsTest {

    private final ExecuteApiUrls urls = new ExecuteApiUrls("http://127.0.0.1:4566", Set.of("a1b2c3d4e5"));

    @Test
    void rewritesLocalApisToTheEdge() {
        assertThat(urls.rewrite("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/Prod/unicorn"))
                .isEqualTo("http://127.0.0.1:4566/restapis/a1b2c3d4e5/Prod/unicorn");
        assertThat(urls.rewrite("https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"))
                .isEqualTo("http://127.0.0.1:4566/restapis/a1b2c3d4e5");
        assertThat(urls.rewrite("url=https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/Prod/x;next"))
                .isEqualTo("url=http://127.0.0.1:4566/restapis/a1b2c3d4e5/Prod/x;next");
    }

    @Test
    void leavesOtherUrlsAlone() {
        assertThat(urls.rewrite("https://zzzzzzzzzz.execute-api.us-east-1.amazonaws.com/Prod/x"))
                .isEqualTo("https://zzzzzzzzzz.execute-api.us-east-1.amazonaws.com/Prod/x");
        assertThat(urls.rewrite("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com.evil.example/x"))
                .isEqualTo("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com.evil.example/x");
        assertThat(urls.rewrite("https://example.com/a1b2c3d4e5")).isEqualTo("https://example.com/a1b2c3d4e5");
    }

    @Test
    void rewritesInsideListsAndMaps() {
        Object value = Map.of("Variables", Map.of("URL", "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/Prod/ride"),
                "List", List.of("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/Prod", 5));
        assertThat(urls.rewrite(value)).isEqualTo(Map.of(
                "Variables", Map.of("URL", "http://127.0.0.1:4566/restapis/a1b2c3d4e5/Prod/ride"),
                "List", List.of("http://127.0.0.1:4566/restapis/a1b2c3d4e5/Prod", 5)));
    }
}
