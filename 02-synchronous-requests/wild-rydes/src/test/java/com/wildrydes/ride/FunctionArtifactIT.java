package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged function, run the way the Lambda runtime runs it: loaded by its own class loader from
 * target/wild-rydes.jar alone, with events read and written by aws-lambda-java-serialization.
 */
class FunctionArtifactIT {

    private static final Path ARTIFACT = Path.of("target", "wild-rydes.jar");
    private static final long SIZE_BUDGET_BYTES = 8L * 1024 * 1024;

    private static final String FLEET =
            "arn:aws:lambda:us-east-1:123456789012:function:wild-rydes-ride-fleet-RequestUnicornInvoke-Jq3X9w:live";
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:wild-rydes-RidesTopic-4BQJ2X7M9KZ1";

    private final HttpStub lambda = HttpStub.start();
    private final HttpStub sns = HttpStub.start();
    private final SdkStubEndpoint lambdaEndpoint = SdkStubEndpoint.of("Lambda", lambda.uri("/"));
    private final SdkStubEndpoint snsEndpoint = SdkStubEndpoint.of("Sns", sns.uri("/"));
    private final List<String> logs = new CopyOnWriteArrayList<>();
    private URLClassLoader function;

    @BeforeEach
    void loadArtifact() throws IOException {
        // Parent is the platform loader, so nothing from the test class path can stand in for a missing class.
        function = new URLClassLoader(new URL[] {ARTIFACT.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @AfterEach
    void close() throws IOException {
        function.close();
        snsEndpoint.close();
        lambdaEndpoint.close();
        lambda.close();
        sns.close();
    }

    @Test
    void holdsTheFunctionAndOnlyTheUrlConnectionHttpClient() throws IOException {
        assertThat(Files.size(ARTIFACT)).isLessThan(SIZE_BUDGET_BYTES);
        try (ZipFile jar = new ZipFile(ARTIFACT.toFile())) {
            List<String> entries = jar.stream().map(ZipEntry::getName).toList();
            assertThat(entries).contains("com/wildrydes/ride/RequestRideHandler.class", "org/joda/time/DateTime.class",
                    "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class");
            assertThat(entries).noneMatch(name -> name.startsWith("org/apache/http/")
                    || name.startsWith("org/apache/hc/") || name.startsWith("io/netty/"));
        }
    }

    @Test
    void booksARideFromAnApiGatewayEventWithTheJarsLambdaAndSnsClients() throws Exception {
        lambda.answering(200, LambdaStub.JSON, LambdaStub.UNICORN, LambdaStub.succeeded());
        sns.answering(200, SnsStub.XML, SnsStub.PUBLISHED);

        JsonObject response = invoke("apigw/request_ride.json");

        assertThat(response.get("statusCode").getAsInt()).isEqualTo(201);
        assertThat(response.getAsJsonObject("headers").get("Access-Control-Allow-Origin").getAsString())
                .isEqualTo("*");
        JsonObject ride = JsonParser.parseString(response.get("body").getAsString()).getAsJsonObject();
        assertThat(ride.getAsJsonObject("Unicorn").get("Name").getAsString()).isEqualTo("Bucephalus");
        assertThat(lambda.takeRequest().path()).isEqualTo(LambdaStub.invocationsPath(FLEET));
        Map<String, String> publish = SnsStub.form(sns.takeRequest().body());
        assertThat(publish).containsEntry("TopicArn", TOPIC)
                .containsEntry("Message", response.get("body").getAsString());
        assertThat(logs).singleElement().asString().startsWith("RequestRide booked: status=201");
    }

    @Test
    void readsAnEmptyFleetFromTheInvokesFunctionErrorWithTheJarsClasses() throws Exception {
        lambda.answering(200, LambdaStub.JSON, LambdaStub.NO_UNICORN_AVAILABLE, LambdaStub.failed());

        JsonObject response = invoke("apigw/request_ride.json");

        assertThat(response.get("statusCode").getAsInt()).isEqualTo(503);
        assertThat(response.get("body").getAsString()).contains("NoUnicornAvailableException");
        assertThat(sns.requestCount()).isZero();
    }

    @Test
    void readsAnInvokeRefusedByLambdaWithTheJarsClasses() throws Exception {
        lambda.answering(404, LambdaStub.JSON, LambdaStub.FUNCTION_NOT_FOUND,
                Map.of("X-Amzn-ErrorType", "ResourceNotFoundException"));

        JsonObject response = invoke("apigw/request_ride.json");

        assertThat(response.get("statusCode").getAsInt()).isEqualTo(502);
        assertThat(response.get("body").getAsString())
                .contains("The unicorn fleet refused the call (ResourceNotFoundException)");
    }

    @Test
    void refusesAnInvalidEventAndLogsThroughTheRuntimesLogger() throws Exception {
        JsonObject response = invoke("apigw/request_ride_wrong_types.json");

        assertThat(response.get("statusCode").getAsInt()).isEqualTo(400);
        assertThat(response.get("body").getAsString()).contains("PickupLocation.Latitude must be a number");
        assertThat(logs).singleElement().asString().contains("status=400", "requestId=it-request-1");
        assertThat(lambda.requestCount()).isZero();
    }

    /** Reads the fixture, calls handleRequest and writes the response, all with the artifact's own classes. */
    private JsonObject invoke(String fixture) throws Exception {
        Class<?> requestType = function.loadClass(
                "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent");
        Class<?> responseType = function.loadClass(
                "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent");
        Class<?> contextType = function.loadClass("com.amazonaws.services.lambda.runtime.Context");
        Class<?> handlerType = function.loadClass("com.wildrydes.ride.RequestRideHandler");

        Object event;
        try (InputStream json = getClass().getClassLoader().getResourceAsStream(fixture)) {
            event = serializer(requestType).fromJson(json);
        }
        // The environment-reading constructor: the one the runtime's no-arg constructor delegates to.
        Constructor<?> constructor = handlerType.getDeclaredConstructor(UnaryOperator.class);
        constructor.setAccessible(true);
        UnaryOperator<String> environment = Map.of(
                "REQUEST_UNICORN_ARN", FLEET,
                "RIDES_SNS_TOPIC_ARN", TOPIC,
                "AWS_REGION", "us-east-1")::get;
        Object handler = constructor.newInstance(environment);

        Method handleRequest = handlerType.getMethod("handleRequest", requestType, contextType);
        Object response = handleRequest.invoke(handler, event, context(contextType));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer(responseType).toJson(response, out);
        return JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @SuppressWarnings("unchecked")
    private PojoSerializer<Object> serializer(Class<?> eventType) {
        return LambdaEventSerializers.serializerFor((Class<Object>) eventType, function);
    }

    /** A Context of the artifact's own interface: only the request id and the logger are needed. */
    private Object context(Class<?> contextType) throws ClassNotFoundException {
        Class<?> loggerType = function.loadClass("com.amazonaws.services.lambda.runtime.LambdaLogger");
        Object logger = Proxy.newProxyInstance(function, new Class<?>[] {loggerType}, (proxy, method, args) -> {
            if (method.getName().equals("log") && args != null && args[0] instanceof String line) {
                logs.add(line);
            }
            return null;
        });
        return Proxy.newProxyInstance(function, new Class<?>[] {contextType}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getAwsRequestId" -> "it-request-1";
                    case "getLogger" -> logger;
                    case "getRemainingTimeInMillis" -> 10_000;
                    case "getMemoryLimitInMB" -> 512;
                    default -> null;
                });
    }
}
