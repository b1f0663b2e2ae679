package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionErrorTest {

    @Test
    void readsTheRuntimesErrorDocument() {
        FunctionError error = FunctionError.parse(LambdaStub.NO_UNICORN_AVAILABLE);

        assertThat(error.type()).isEqualTo("com.wildrydes.fleet.NoUnicornAvailableException");
        assertThat(error.simpleType()).isEqualTo("NoUnicornAvailableException");
        assertThat(error.message()).isEqualTo("No unicorn is available: the fleet is empty.");
    }

    @Test
    void keepsATypeWithoutAPackageAsItIs() {
        assertThat(FunctionError.parse("{\"errorType\":\"Runtime.ExitError\"}").simpleType()).isEqualTo("ExitError");
        assertThat(FunctionError.parse("{\"errorType\":\"TimeoutError\"}").simpleType()).isEqualTo("TimeoutError");
    }

    @Test
    void anErrorDocumentInNoKnownShapeIsOfUnknownType() {
        FunctionError error = FunctionError.parse("Task timed out");

        assertThat(error.type()).isEqualTo("(unknown)");
        assertThat(error.simpleType()).isEqualTo("(unknown)");
        assertThat(error.message()).isEmpty();
    }
}
