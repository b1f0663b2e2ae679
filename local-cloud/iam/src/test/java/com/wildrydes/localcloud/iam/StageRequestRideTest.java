package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.lambda.FunctionConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.wildrydes.localcloud.iam.LocalServices.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The stages' real wild-rydes template: RequestRide may publish rides to its topic, and without
 * {@code sns:Publish} in its policy the publish is refused locally exactly as AWS would refuse it,
 * which is the failure a rider then sees. Each template is deployed from a copy next to a stand-in
 * artifact, so the test does not depend on the functions having been built.
 */
class StageRequestRideTest {

    private static final Path REPOSITORY = Path.of("../..");
    private static final Pattern PUBLISH_GRANT = Pattern.compile("(?m)^(\\s*-\\s*)sns:Publish\\s*$");
    private static final String FLEET_ALIAS = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:wild-rydes-ride-fleet-RequestUnicornInvoke:live";
    private static final String KEY = "ASIAREQUESTRIDE00001";

    @TempDir
    Path dir;

    private LocalServices cloud;

    @BeforeEach
    void start() throws IOException {
        cloud = new LocalServices();
        // what the fleet stack publishes, for whichever stage reads it
        try (SsmClient ssm = cloud.admin(SsmClient.builder())) {
            ssm.putParameter(p -> p.name("/wild-rydes-ride-fleet/dev/RequestUnicornUrl").value(cloud.edge.url() + "/unicorn")
                    .type(ParameterType.STRING));
            ssm.putParameter(p -> p.name("/wild-rydes-ride-fleet/dev/RequestUnicornInvokeArn").value(FLEET_ALIAS).type(ParameterType.STRING));
        }
        Files.createDirectories(dir.resolve("target"));
        Path jar = Files.writeString(dir.resolve("target/wild-rydes.jar"), "stand-in for wild-rydes");
        cloud.function("wild-rydes-ride-fleet-RequestUnicornInvoke", "arn:aws:iam::" + ACCOUNT + ":role/fleet", jar, "ASIAFLEET00000000001");
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private String template(String stage) throws IOException {
        Path template = REPOSITORY.resolve(stage).resolve("wild-rydes/template.yaml");
        assumeTrue(Files.exists(template), "the stage " + stage + " is not in this checkout");
        return Files.readString(template);
    }

    private FunctionConfig deploy(String yaml) throws IOException {
        cloud.cloudFormation.deploy("wild-rydes", Files.writeString(dir.resolve("template.yaml"), yaml), Map.of());
        FunctionConfig requestRide = cloud.lambda.function("wild-rydes-RequestRide").orElseThrow();
        cloud.keys.put(KEY, requestRide.functionName());
        return requestRide;
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-asynchronous-event-driven", "02-synchronous-requests"})
    void withoutSnsPublishTheRidesPublishIsRefusedAsOnAws(String stage) throws IOException {
        String yaml = template(stage);
        FunctionConfig requestRide = deploy(yaml);
        String topic = requestRide.environment().get("RIDES_SNS_TOPIC_ARN");
        try (SnsClient function = cloud.client(SnsClient.builder(), KEY)) {
            assertThat(function.publish(p -> p.topicArn(topic).message("{\"RideId\":\"r-1\"}")).messageId()).isNotBlank();

            Matcher grant = PUBLISH_GRANT.matcher(yaml);
            assertThat(grant.find()).as("RequestRide's policy grants sns:Publish as an Action list item").isTrue();
            assertThat(grant.find()).as("and only once").isFalse();
            // the statement stays valid; only the action the lab asks for is gone
            deploy(PUBLISH_GRANT.matcher(yaml).replaceFirst("$1sns:GetTopicAttributes"));

            AuthorizationErrorException refused = catchThrowableOfType(AuthorizationErrorException.class,
                    () -> function.publish(p -> p.topicArn(topic).message("{\"RideId\":\"r-2\"}")));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AuthorizationError");
            assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::" + ACCOUNT
                    + ":assumed-role/wild-rydes-RequestRideRole/wild-rydes-RequestRide is not authorized to perform: SNS:Publish on resource: "
                    + topic + " because no identity-based policy allows the SNS:Publish action");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"02-synchronous-requests"})
    void requestRideMayInvokeExactlyTheFleetAliasItIsGiven(String stage) throws IOException {
        FunctionConfig requestRide = deploy(template(stage));
        assertThat(requestRide.environment()).containsEntry("REQUEST_UNICORN_ARN", FLEET_ALIAS);
        try (LambdaClient function = cloud.client(LambdaClient.builder(), KEY)) {
            assertThat(function.invoke(i -> i.functionName(FLEET_ALIAS).invocationType(InvocationType.DRY_RUN)).statusCode()).isEqualTo(204);
            assertThat(catchThrowableOfType(software.amazon.awssdk.services.lambda.model.LambdaException.class,
                    () -> function.invoke(i -> i.functionName("wild-rydes-ride-fleet-RequestUnicornInvoke").invocationType(InvocationType.DRY_RUN)))
                    .awsErrorDetails().errorCode()).as("the unqualified function is another resource").isEqualTo("AccessDeniedException");
        }
    }
}
