package com.wildrydes.localcloud.apigateway;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyResponseTest {

    private static ProxyResponse parse(String json) throws ProxyResponse.MalformedException {
        return ProxyResponse.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mapsStatusHeadersAndBody() throws Exception {
        ProxyResponse response = parse("""
                {"statusCode":201,"headers":{"Content-Type":"application/json","X-Count":3},
                 "multiValueHeaders":{"Set-Cookie":["a=1","b=2"]},"body":"{\\"RideId\\":\\"1\\"}","isBase64Encoded":false}""");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers()).containsEntry("Content-Type", List.of("application/json"))
                .containsEntry("X-Count", List.of("3"))
                .containsEntry("Set-Cookie", List.of("a=1", "b=2"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"RideId\":\"1\"}");
    }

    @Test
    void multiValueHeadersWinOverTheSameSingleHeader() throws Exception {
        ProxyResponse response = parse("{\"statusCode\":200,\"headers\":{\"X-A\":\"single\"},\"multiValueHeaders\":{\"X-A\":[\"m1\",\"m2\"]}}");
        assertThat(response.headers()).containsEntry("X-A", List.of("m1", "m2"));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void base64BodiesAreDecoded() throws Exception {
        ProxyResponse response = parse("{\"statusCode\":200,\"body\":\"iVBORwABAg==\",\"isBase64Encoded\":true}");
        assertThat(response.body()).containsExactly(0x89, 'P', 'N', 'G', 0, 1, 2);
    }

    @Test
    void malformedResponsesAreRefused() {
        assertThatThrownBy(() -> parse("\"just a string\"")).isInstanceOf(ProxyResponse.MalformedException.class);
        assertThatThrownBy(() -> parse("{\"body\":\"no status\"}")).hasMessageContaining("statusCode must be an integer");
        assertThatThrownBy(() -> parse("{\"statusCode\":200,\"body\":{\"RideId\":1}}")).hasMessageContaining("body must be a string");
        assertThatThrownBy(() -> parse("{\"statusCode\":99}")).hasMessageContaining("not an HTTP status");
        assertThatThrownBy(() -> parse("{\"statusCode\":200,\"headers\":[1]}")).hasMessageContaining("headers must be an object");
        assertThatThrownBy(() -> parse("{\"statusCode\":200,\"body\":\"%%%\",\"isBase64Encoded\":true}")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> parse("not json")).hasMessageContaining("not JSON");
    }
}
