package com.wildrydes.workshop;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The load run against a stand-in ride API on loopback: every fifth ride is refused, the rest accepted. */
class LoadTest {

    private final AtomicInteger requests = new AtomicInteger();
    private final Set<String> acceptedIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsTheRateForTheDurationAndCountsAnswersAndLostRides() throws Exception {
        URI url = startRideApi(n -> n % 5 == 0);
        // The store has recorded every accepted ride but one.
        Set<String> forgotten = new HashSet<>();
        Load.RideStore store = ids -> {
            if (forgotten.isEmpty()) {
                forgotten.add(acceptedIds.iterator().next());
            }
            Set<String> missing = new HashSet<>(ids);
            missing.retainAll(forgotten);
            return missing;
        };
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        long start = System.nanoTime();
        Load.Report report = new Load(new LoadSettings(url, 50, Duration.ofSeconds(1), Optional.of("table"), Duration.ZERO),
                Optional.of(store), new PrintStream(log, true)).run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(report.sent()).isEqualTo(50);
        assertThat(requests.get()).isEqualTo(50);
        assertThat(report.created()).isEqualTo(40);
        assertThat(report.errors()).containsExactly(java.util.Map.entry("HTTP 503", 10L));
        assertThat(report.lost()).hasValue(1L);
        assertThat(report.latency().p99()).isPositive().isLessThan(Duration.ofSeconds(1));
        assertThat(took).as("paced over the second, not sent at once").isGreaterThan(Duration.ofMillis(950));
        assertThat(report.achievedRate()).isBetween(40.0, 55.0);
        assertThat(report.describe()).contains("rides sent: 50, 201s: 40", "lost (accepted, not recorded, warm-up included): 1")
                .doesNotContain("warm-up (not measured)");
    }

    @Test
    void keepsTheWarmupOutOfTheFigures() throws Exception {
        // The stage is cold: the first three rides fail, as a cold stage's first rides may.
        URI url = startRideApi(n -> n <= 3);

        Load.Report report = new Load(new LoadSettings(url, 10, Duration.ofSeconds(1), Optional.empty(), Duration.ZERO,
                Duration.ofSeconds(2)), Optional.empty(), new PrintStream(new ByteArrayOutputStream(), true)).run();

        // Warm-up: 5 then 10 rides over two seconds; then the 10 measured rides, all accepted.
        assertThat(requests.get()).isEqualTo(25);
        assertThat(report.warmup()).isEqualTo(new Load.Warmup(15, 12, java.util.Map.of("HTTP 503", 3L)));
        assertThat(report.sent()).isEqualTo(10);
        assertThat(report.created()).isEqualTo(10);
        assertThat(report.errors()).isEmpty();
        assertThat(report.describe()).contains("warm-up (not measured): 15 rides, 201s: 12, errors: {HTTP 503=3}",
                "rides sent: 10, 201s: 10, errors: none");
    }

    /** A stand-in ride API that refuses request number n (from 1) with a 503 when {@code refuse} says so. */
    private URI startRideApi(java.util.function.IntPredicate refuse) throws java.io.IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ride", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean refused = refuse.test(requests.incrementAndGet());
            String id = UUID.randomUUID().toString();
            byte[] body = (refused ? "{\"error\":\"Busy\"}" : "{\"RideId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
            if (!refused) {
                acceptedIds.add(id);
            }
            exchange.sendResponseHeaders(refused ? 503 : 201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ride");
    }
}
