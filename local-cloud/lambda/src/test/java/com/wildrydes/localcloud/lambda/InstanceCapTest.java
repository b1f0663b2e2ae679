package com.wildrydes.localcloud.lambda;

import com.wildrydes.localcloud.http.AwsServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** At the instance cap, invokes wait for a free instance, and are throttled when the wait runs out. */
class InstanceCapTest {

    @TempDir
    Path artifacts;

    private static byte[] sleep(long millis) {
        return ("{\"millis\":" + millis + "}").getBytes(StandardCharsets.UTF_8);
    }

    private LambdaService service(Duration instanceWait) throws Exception {
        LambdaService lambda = new LambdaService("us-east-1", "000000000000", () -> null, (t, e, a) -> {
        }, LambdaOptions.defaults().withMaxInstancesPerFunction(1).withInstanceWait(instanceWait)
                .withInitTimeout(Duration.ofSeconds(30)).withLogSink(FunctionLogSink.NONE));
        lambda.createFunction(new FunctionConfig("Sleeper", "com.wildrydes.localcloud.testfunctions.Sleep", "java21",
                FunctionArtifacts.jar(artifacts), 128, 10, Map.of(), null, null));
        return lambda;
    }

    /** Waits until the function's one instance is taken by the invoke started in the background. */
    private static void awaitBusy(LambdaService lambda) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (lambda.stats("Sleeper").orElseThrow().busyInstances() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(lambda.stats("Sleeper").orElseThrow().busyInstances()).isEqualTo(1);
    }

    @Test
    void invokeBeyondTheCapWaitsForTheBusyInstance() throws Exception {
        try (LambdaService lambda = service(Duration.ofSeconds(30))) {
            lambda.invoke("Sleeper", sleep(0));
            CompletableFuture<InvokeResult> first = CompletableFuture.supplyAsync(() -> lambda.invoke("Sleeper", sleep(700)));
            awaitBusy(lambda);
            InvokeResult second = lambda.invoke("Sleeper", sleep(0));

            assertThat(new String(second.payload(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(first.get(30, TimeUnit.SECONDS).payload(), StandardCharsets.UTF_8));
            FunctionStats stats = lambda.stats("Sleeper").orElseThrow();
            assertThat(stats.coldStarts()).isEqualTo(1);
            assertThat(stats.warmStarts()).isEqualTo(2);
        }
    }

    @Test
    void invokeIsThrottledWhenNoInstanceFreesUpInTime() throws Exception {
        try (LambdaService lambda = service(Duration.ofMillis(200))) {
            lambda.invoke("Sleeper", sleep(0));
            CompletableFuture<InvokeResult> busy = CompletableFuture.supplyAsync(() -> lambda.invoke("Sleeper", sleep(1500)));
            awaitBusy(lambda);

            assertThatThrownBy(() -> lambda.invoke("Sleeper", sleep(0)))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.status()).isEqualTo(429);
                        assertThat(e.errorCode()).isEqualTo("TooManyRequestsException");
                        assertThat(e.getMessage()).isEqualTo("Rate Exceeded.");
                    });
            assertThat(busy.get(30, TimeUnit.SECONDS).failed()).isFalse();
        }
    }
}
