package com.wildrydes.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredEnvironmentTest {

    @Test
    void returnsAVariableThatIsSet() {
        assertThat(new RequiredEnvironment(Map.of("DDB_TABLE_NAME", "fleet")).get("DDB_TABLE_NAME"))
                .isEqualTo("fleet");
    }

    @Test
    void aMissingOrBlankVariableFailsNamingIt() {
        var env = new RequiredEnvironment(Map.of("AWS_REGION", " "));

        assertThatThrownBy(() -> env.get("DDB_TABLE_NAME")).hasMessageContaining("DDB_TABLE_NAME");
        assertThatThrownBy(() -> env.get("AWS_REGION")).hasMessageContaining("AWS_REGION");
    }
}
