package com.wildrydes.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class UnicornSeedResourceTest {

    private static final String TABLE = "wild-rydes-ride-fleet-UnicornsTable-1RX3K8QZ7T2M";
    private static final Unicorn BUCEPHALUS =
            new Unicorn("Bucephalus", "Golden", "a5386b78-c840-4414-b79d-6e85165fc2d4");

    private static CustomResourceRequest request(String type, String physicalId) {
        return new CustomResourceRequest(type, "http://127.0.0.1:1/unused", "stack-id", "request-id", "SeedUnicorns",
                physicalId, Map.of("TableName", TABLE));
    }

    /** A fleet whose writes never return, like a DynamoDB call stuck on a dead connection. */
    private static final class HungFleet implements UnicornFleet {
        final CountDownLatch never = new CountDownLatch(1);

        @Override
        public List<Unicorn> all() {
            return List.of();
        }

        @Override
        public void put(Unicorn unicorn) {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void seedingThatOutlivesItsBudgetIsReportedAsFailedInTime() {
        var hung = new HungFleet();
        var resource = new UnicornSeedResource(table -> hung, () -> List.of(BUCEPHALUS));

        var started = System.nanoTime();
        var response = resource.handle(request("Create", null), Duration.ofMillis(150));
        var took = Duration.ofNanos(System.nanoTime() - started);
        hung.never.countDown();

        assertThat(response.status()).isEqualTo(CustomResourceResponse.FAILED);
        assertThat(response.reason()).contains(TABLE, "did not finish within 150 ms");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aBrokenSeedFileIsReportedAsFailed() {
        var resource = new UnicornSeedResource(table -> new HungFleet(),
                () -> SeedFleet.load("/seed/missing-color.json"));

        var response = resource.handle(request("Create", null), Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(CustomResourceResponse.FAILED);
        assertThat(response.reason()).contains("missing-color.json", "Color");
        assertThat(response.physicalResourceId()).isEqualTo(TABLE + "-seed");
    }

    @Test
    void aFailedUpdateKeepsTheExistingPhysicalId() {
        var resource = new UnicornSeedResource(table -> {
            throw new IllegalStateException("no table");
        }, () -> List.of(BUCEPHALUS));

        var response = resource.handle(request("Update", "an-older-id"), Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(CustomResourceResponse.FAILED);
        assertThat(response.physicalResourceId()).isEqualTo("an-older-id");
        assertThat(response.reason()).contains("no table");
    }

    @Test
    void aMissingRequestTypeIsUnsupportedNotACrash() {
        var resource = new UnicornSeedResource(table -> new HungFleet(), () -> List.of(BUCEPHALUS));

        var response = resource.handle(request(null, null), Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(CustomResourceResponse.FAILED);
        assertThat(response.reason()).contains("Unsupported RequestType 'null'", "Create, Update, Delete");
    }
}
