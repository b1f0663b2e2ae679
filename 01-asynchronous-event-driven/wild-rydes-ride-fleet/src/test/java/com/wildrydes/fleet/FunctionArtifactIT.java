package com.wildrydes.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the shaded jar as Lambda will use it: the runtime's own serializers, given a class loader that sees only
 * the jar, must read and write this function's events with the jar's classes.
 */
class FunctionArtifactIT {

    private static final Path JAR = Path.of("target/wild-rydes-ride-fleet.jar");
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
        try (var json = FunctionArtifactIT.class.getResourceAsStream("/apigw/get_unicorn.json")) {
            request = LambdaEventSerializers.serializerFor(requestType, function).fromJson(json);
        }
        assertThat(requestType.getMethod("getPath").invoke(request)).isEqualTo("/unicorn");

        var response = responseType.getConstructor().newInstance();
        responseType.getMethod("setStatusCode", Integer.class).invoke(response, 503);
        responseType.getMethod("setBody", String.class).invoke(response, "{\"error\":\"NoUnicornAvailable\"}");
        var out = new ByteArrayOutputStream();
        writeWithTheRuntime(responseType, response, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"statusCode\":503", "NoUnicornAvailable");
    }

    @SuppressWarnings("unchecked")
    private static <T> void writeWithTheRuntime(Class<T> type, Object value, ByteArrayOutputStream out) {
        LambdaEventSerializers.serializerFor(type, function).toJson((T) value, out);
    }

    @Test
    void theRuntimeReadsACustomResourceEventAsTheMapLoadTableTakes() throws Exception {
        var handlerType = function.loadClass("com.wildrydes.fleet.LoadTableHandler");
        Type input = ((ParameterizedType) handlerType.getGenericInterfaces()[0]).getActualTypeArguments()[0];

        Object event;
        try (var json = FunctionArtifactIT.class.getResourceAsStream("/cfn/create.json")) {
            event = JacksonFactory.getInstance().getSerializer(input).fromJson(json);
        }
        assertThat(event).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) event).get("ResourceProperties"))
                .isEqualTo(Map.of("ServiceToken",
                        "arn:aws:lambda:us-east-1:123456789012:function:wild-rydes-ride-fleet-LoadTable-Xk2p9QmZr4Tb",
                        "TableName", "wild-rydes-ride-fleet-UnicornsTable-1RX3K8QZ7T2M",
                        "SeedVersion", "1"));
    }

    @Test
    void bothHandlersAreLambdaRequestHandlers() throws Exception {
        var requestHandler = function.loadClass("com.amazonaws.services.lambda.runtime.RequestHandler");

        assertThat(requestHandler.isAssignableFrom(function.loadClass("com.wildrydes.fleet.RequestUnicornHandler")))
                .isTrue();
        assertThat(requestHandler.isAssignableFrom(function.loadClass("com.wildrydes.fleet.LoadTableHandler")))
                .isTrue();
    }
}
