package com.wildrydes.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomResourceResponseTest {

    private static final CustomResourceRequest REQUEST = new CustomResourceRequest("Create", "http://127.0.0.1:1/r",
            "stack-id", "request-id", "SeedUnicorns", null, Map.of());

    @Test
    void serialisesWithCloudFormationsFieldNames() {
        var json = JsonParser.parseString(
                CustomResourceResponse.success(REQUEST, "t-seed", "done", Map.of("UnicornCount", 3)).toJson())
                .getAsJsonObject();

        assertThat(json.keySet()).containsExactlyInAnyOrder(
                "Status", "Reason", "PhysicalResourceId", "StackId", "RequestId", "LogicalResourceId", "Data");
        assertThat(json.get("StackId").getAsString()).isEqualTo("stack-id");
        assertThat(json.getAsJsonObject("Data").get("UnicornCount").getAsInt()).isEqualTo(3);
    }

    @Test
    void leavesOutDataItDoesNotHave() {
        var json = JsonParser.parseString(CustomResourceResponse.failed(REQUEST, "t-seed", "broken").toJson())
                .getAsJsonObject();

        assertThat(json.has("Data")).isFalse();
        assertThat(json.get("Status").getAsString()).isEqualTo("FAILED");
    }

    @Test
    void cutsAReasonLongEnoughToBreakCloudFormationsSizeLimit() {
        var response = CustomResourceResponse.failed(REQUEST, "t-seed", "x".repeat(10_000));

        assertThat(response.reason()).hasSize(1024).endsWith("...");
        assertThat(response.toJson().length()).isLessThan(4096);
    }
}
