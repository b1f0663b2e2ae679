package com.wildrydes.localcloud.lambda;

import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.testing.AwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lambda's API through the real AWS SDK client, over the edge endpoint. */
class InvokeApiTest {

    @TempDir
    static Path artifacts;
    static EdgeServer edge;
    static LambdaService lambda;
    static LambdaClient client;

    @BeforeAll
    static void start() throws Exception {
        edge = EdgeServer.start("127.0.0.1", 0);
        lambda = new LambdaService("us-east-1", "000000000000", edge::url, (target, event, attributes) -> {
        }, LambdaOptions.defaults().withInitTimeout(Duration.ofSeconds(30)).withLogSink(FunctionLogSink.NONE));
        edge.register(lambda);
        Path jar = FunctionArtifacts.jar(artifacts);
        for (String handler : new String[] {"Echo", "Throw"}) {
            lambda.createFunction(new FunctionConfig(handler, "com.wildrydes.localcloud.testfunctions." + handler, "java21", jar,
                    512, 10, Map.of("STAGE", "test"), "arn:aws:iam::000000000000:role/" + handler, null));
        }
        client = AwsClients.at(LambdaClient.builder(), URI.create(edge.url()));
    }

    @AfterAll
    static void stop() {
        client.close();
        lambda.close();
        edge.close();
    }

    @Test
    void requestResponseInvokeReturnsThePayload() {
        InvokeResponse response = client.invoke(r -> r.functionName("Echo").payload(SdkBytes.fromUtf8String("{\"RideId\":\"42\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"RideId\":\"42\"}");
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
    }

    @Test
    void arnAndQualifierNameTheSameFunction() {
        InvokeResponse response = client.invoke(r -> r.functionName("arn:aws:lambda:us-east-1:000000000000:function:Echo")
                .qualifier("$LATEST").payload(SdkBytes.fromUtf8String("[1]")));
        assertThat(response.payload().asUtf8String()).isEqualTo("[1]");
    }

    @Test
    void handlerErrorComesBackAsFunctionError() {
        InvokeResponse response = client.invoke(r -> r.functionName("Throw").payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String())
                .contains("\"errorMessage\":\"Unicorn not available\"", "\"errorType\":\"java.lang.IllegalStateException\"", "\"stackTrace\":[");
    }

    @Test
    void tailReturnsTheInvocationsLog() {
        InvokeResponse response = client.invoke(r -> r.functionName("Throw").logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{}")));

        String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertThat(log).contains("about to fail for {}", "java.lang.IllegalStateException: Unicorn not available")
                .containsPattern("START RequestId: [0-9a-f-]{36} Version: \\$LATEST")
                .containsPattern("END RequestId: [0-9a-f-]{36}\nREPORT RequestId: [0-9a-f-]{36}\tDuration: ");
    }

    @Test
    void unknownFunctionIsResourceNotFound() {
        assertThatThrownBy(() -> client.invoke(r -> r.functionName("Nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:Nope");
                });
    }

    @Test
    void eventInvokeIsAcceptedAndDryRunOnlyChecks() {
        assertThat(client.invoke(r -> r.functionName("Echo").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{}"))).statusCode()).isEqualTo(202);
        assertThat(client.invoke(r -> r.functionName("Echo").invocationType(InvocationType.DRY_RUN)).statusCode()).isEqualTo(204);
    }

    @Test
    void payloadMustBeJson() {
        assertThatThrownBy(() -> client.invoke(r -> r.functionName("Echo").payload(SdkBytes.fromUtf8String("{ride"))))
                .isInstanceOfSatisfying(InvalidRequestContentException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Could not parse request body into json");
                });
    }

    @Test
    void getFunctionAndListFunctionsDescribeTheTemplatesSettings() {
        GetFunctionResponse function = client.getFunction(r -> r.functionName("Echo"));
        FunctionConfiguration configuration = function.configuration();
        assertThat(configuration.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:Echo");
        assertThat(configuration.handler()).isEqualTo("com.wildrydes.localcloud.testfunctions.Echo");
        assertThat(configuration.runtimeAsString()).isEqualTo("java21");
        assertThat(configuration.memorySize()).isEqualTo(512);
        assertThat(configuration.timeout()).isEqualTo(10);
        assertThat(configuration.environment().variables()).containsEntry("STAGE", "test");
        assertThat(configuration.codeSize()).isPositive();
        assertThat(configuration.codeSha256()).isNotBlank();

        assertThat(client.listFunctions().functions()).extracting(FunctionConfiguration::functionName).contains("Echo", "Throw");
    }

    @Test
    void unsupportedOperationsAreRefusedWithTheSupportedList() {
        assertThatThrownBy(() -> client.listAliases(r -> r.functionName("Echo")))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("does not support GET /2015-03-31/functions/Echo/aliases")
                            .contains("Invoke (POST /2015-03-31/functions/{FunctionName}/invocations)");
                });
    }
}
