package com.wildrydes.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the shaded jar as Lambda will use it: the runtime's own serializers, given a class loader that sees only
 * the jar, must read and write this function's events with the jar's classes.
 */
class FunctionArtifactIT {

    private static final Path JAR = Path.of("target/wild-rydes-ride-record.jar");
    private static final long SIZE_BUDGET_BYTES = 8_000_000;
    private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";
    private static URLClassLoader function;

    @BeforeAll
    static void loadTheArtifactAlone() throws IOException {
        // Parent is the platform loader, so nothing leaks in from the test class path.
        function = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void close() throws IOException {
        function.close();
    }

    @Test
    void staysWithinTheSizeBudget() throws IOException {
        assertThat(Files.size(JAR)).isLessThanOrEqualTo(SIZE_BUDGET_BYTES);
    }

    @Test
    void bundlesOnlyTheUrlConnectionHttpClient() throws IOException {
        try (var jar = new ZipFile(JAR.toFile())) {
            assertThat(jar.stream().map(entry -> entry.getName()))
                    .noneMatch(name -> name.toLowerCase().matches(".*(apache|netty).*"))
                    .contains("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class");
        }
    }

    @Test
    void theRuntimeReadsAnApiGatewayEventAndWritesTheResponseWithTheJarsClasses() throws Exception {
        var requestType = function.loadClass(EVENTS + "APIGatewayProxyRequestEvent");
        var responseType = function.loadClass(EVENTS + "APIGatewayProxyResponseEvent");

        Object request;
        try (var json = FunctionArtifactIT.class.getResourceAsStream("/apigw/post_record.json")) {
            request = LambdaEventSerializers.serializerFor(requestType, function).fromJson(json);
        }
        assertThat(requestType.getMethod("getPath").invoke(request)).isEqualTo("/record");

        var response = responseType.getConstructor().newInstance();
        responseType.getMethod("setStatusCode", Integer.class).invoke(response, 409);
        responseType.getMethod("setBody", String.class).invoke(response, "{\"error\":\"RideIdConflict\"}");
        var out = new ByteArrayOutputStream();
        writeWithTheRuntime(responseType, response, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"statusCode\":409", "RideIdConflict");
    }

    @SuppressWarnings("unchecked")
    private static <T> void writeWithTheRuntime(Class<T> type, Object value, ByteArrayOutputStream out) {
        LambdaEventSerializers.serializerFor(type, function).toJson((T) value, out);
    }

    @Test
    void theRuntimeReadsAnSnsEventTimestampAndAllWithTheJarsClasses() throws Exception {
        var eventType = function.loadClass(EVENTS + "SNSEvent");

        Object event;
        try (var json = FunctionArtifactIT.class.getResourceAsStream("/sns/ride_requested.json")) {
            event = LambdaEventSerializers.serializerFor(eventType, function).fromJson(json);
        }
        var record = ((List<?>) eventType.getMethod("getRecords").invoke(event)).getFirst();
        var sns = record.getClass().getMethod("getSNS").invoke(record);
        assertThat(sns.getClass().getMethod("getMessage").invoke(sns)).asString().startsWith("{\"RideId\":");
        assertThat(sns.getClass().getMethod("getMessageAttributes").invoke(sns)).asString().contains("RideRequested");
        // The Timestamp is a joda DateTime of the jar's own, parsed by the jar's joda-time.
        var timestamp = sns.getClass().getMethod("getTimestamp").invoke(sns);
        assertThat(timestamp.getClass().getClassLoader()).isSameAs(function);
        assertThat(timestamp.getClass().getMethod("getMillis").invoke(timestamp))
                .isEqualTo(Instant.parse("2026-11-27T09:41:07.180Z").toEpochMilli());
    }

    @Test
    void bothHandlersAreLambdaRequestHandlers() throws Exception {
        var requestHandler = function.loadClass("com.amazonaws.services.lambda.runtime.RequestHandler");

        assertThat(requestHandler.isAssignableFrom(function.loadClass("com.wildrydes.record.PutRideRecordHandler")))
                .isTrue();
        assertThat(requestHandler.isAssignableFrom(function.loadClass("com.wildrydes.record.RecordRideHandler")))
                .isTrue();
    }
}
