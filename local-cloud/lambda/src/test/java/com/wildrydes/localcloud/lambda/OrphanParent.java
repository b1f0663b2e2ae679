package com.wildrydes.localcloud.lambda;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A local-cloud stand-in for {@link NoOrphansTest}: starts one warm instance, prints its pid, then
 * waits to be killed without any chance to clean up.
 */
public final class OrphanParent {

    public static void main(String[] args) throws Exception {
        LambdaService lambda = new LambdaService("us-east-1", "000000000000", () -> null, (t, e, a) -> {
        }, LambdaOptions.defaults().withInitTimeout(Duration.ofSeconds(60)).withLogSink(FunctionLogSink.NONE));
        lambda.createFunction(new FunctionConfig("Sleeper", "com.wildrydes.localcloud.testfunctions.Sleep", "java21",
                Path.of(args[0]), 128, 30, Map.of(), null, null));
        lambda.invoke("Sleeper", "{\"millis\":0}".getBytes(StandardCharsets.UTF_8));
        // A second instance, busy in its handler when the parent dies.
        Thread.ofVirtual().start(() -> lambda.invoke("Sleeper", "{\"millis\":20000}".getBytes(StandardCharsets.UTF_8)));
        Thread.ofVirtual().start(() -> lambda.invoke("Sleeper", "{\"millis\":20000}".getBytes(StandardCharsets.UTF_8)));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (lambda.instancePids().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(500);
        System.out.println("PIDS " + lambda.instancePids());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5));
    }

    private OrphanParent() {
    }
}
