package com.wildrydes.systemtests.bench;

import com.wildrydes.localcloud.lambda.InvokeResult;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColdStartsTest {

    private static InvokeResult result(String payload, String functionError) {
        return new InvokeResult(200, payload.getBytes(StandardCharsets.UTF_8), functionError, "id");
    }

    @Test
    void acceptsSuccessfulAnswers() {
        assertThatCode(() -> ColdStarts.requireSuccess("fn", result("{\"statusCode\":201,\"body\":\"{}\"}", null))).doesNotThrowAnyException();
        assertThatCode(() -> ColdStarts.requireSuccess("fn", result("\"Hello, world\"", null))).doesNotThrowAnyException();
        assertThatCode(() -> ColdStarts.requireSuccess("fn", result("{\"batchItemFailures\":[]}", null))).doesNotThrowAnyException();
    }

    @Test
    void aFunctionErrorIsNoMeasurement() {
        assertThatThrownBy(() -> ColdStarts.requireSuccess("fn", result("{\"errorMessage\":\"boom\"}", "Unhandled")))
                .hasMessageContaining("fn failed (Unhandled)").hasMessageContaining("boom");
    }

    @Test
    void anApiErrorIsNoMeasurement() {
        assertThatThrownBy(() -> ColdStarts.requireSuccess("fn", result("{\"statusCode\":400,\"body\":\"bad ride\"}", null)))
                .hasMessageContaining("fn answered 400");
    }
}
