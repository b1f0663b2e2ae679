package com.wildrydes.localcloud.cloudformation.custom;

import com.wildrydes.localcloud.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.cloudformation.CloudFormation;
import com.wildrydes.localcloud.cloudformation.DeployFailedException;
import com.wildrydes.localcloud.cloudformation.Stack;
import com.wildrydes.localcloud.cloudformation.fakes.CustomResourceFunction.Reply;
import com.wildrydes.localcloud.cloudformation.fakes.LocalCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The custom resource protocol over real HTTP: async invoke, PUT to the ResponseURL, Data for GetAtt. */
class CustomResourceTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Table:
                Type: AWS::Serverless::SimpleTable
                Properties: {PrimaryKey: {Name: Name, Type: String}}
              LoadTable:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: target/app.jar, Handler: h, Runtime: java21, Timeout: 60}
              Seed:
                Type: Custom::UnicornFleetSeed
                Properties:
                  ServiceToken: !GetAtt LoadTable.Arn
                  TableName: !Ref Table
                  Count: 3
                  Flags: {Enabled: true, Names: [a, 1]}
              AfterSeed:
                Type: AWS::SSM::Parameter
                Properties: {Name: seeded, Type: String, Value: !GetAtt Seed.Loaded}
            Outputs:
              SeedId: {Value: !Ref Seed}
            """;

    @TempDir
    Path dir;

    private LocalCloud cloud = new LocalCloud(Duration.ofSeconds(5));

    @AfterEach
    void close() {
        cloud.close();
    }

    private Stack deploy(String yaml) {
        return cloud.cloudFormation.deploy("fleet", LocalCloud.template(dir.resolve("fleet"), yaml), Map.of());
    }

    @Test
    void aSuccessfulCreateGivesThePhysicalIdAndTheDataForGetAtt() throws InterruptedException {
        cloud.customResources.behave(event -> Reply.success("seed-1", Map.of("Loaded", "3 unicorns")));
        Stack stack = deploy(TEMPLATE);

        assertThat(stack.resource("Seed").orElseThrow().physicalId()).isEqualTo("seed-1");
        assertThat(stack.outputs()).containsEntry("SeedId", "seed-1");
        assertThat(cloud.ssm.parameters).containsEntry("seeded", "3 unicorns");
        assertThat(cloud.customResources.responseStatuses(1)).containsExactly(200);

        JsonNode event = cloud.customResources.events.getFirst();
        String table = stack.resource("Table").orElseThrow().physicalId();
        assertThat(event.path("RequestType").asText()).isEqualTo("Create");
        assertThat(event.path("ServiceToken").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:fleet-LoadTable");
        assertThat(event.path("ResponseURL").asText()).matches(cloud.edge.url() + "/_localcloud/cloudformation/responses/[0-9a-f]{32}");
        assertThat(event.path("StackId").asText()).isEqualTo(stack.id());
        assertThat(event.path("RequestId").asText()).matches("[0-9a-f-]{36}");
        assertThat(event.path("ResourceType").asText()).isEqualTo("Custom::UnicornFleetSeed");
        assertThat(event.path("LogicalResourceId").asText()).isEqualTo("Seed");
        assertThat(event.has("PhysicalResourceId")).isFalse();
        assertThat(event.path("ResourceProperties")).isEqualTo(json("""
                {"ServiceToken": "arn:aws:lambda:us-east-1:000000000000:function:fleet-LoadTable", "TableName": "%s",
                 "Count": "3", "Flags": {"Enabled": "true", "Names": ["a", "1"]}}""".formatted(table)));
        assertThat(cloud.journal).containsSubsequence("dynamodb:CreateTable " + table, "lambda:create fleet-LoadTable",
                "custom:Create Seed", "ssm:PutParameter seeded");
    }

    @Test
    void aFailedCreateFailsTheDeployWithTheReasonAndRollsBack() {
        cloud.customResources.behave(event -> event.path("RequestType").asText().equals("Create")
                ? Reply.failed("Table not found: nope") : Reply.success(event.path("PhysicalResourceId").asText(), Map.of()));
        assertThatThrownBy(() -> deploy(TEMPLATE))
                .isInstanceOf(DeployFailedException.class)
                .hasMessageContaining("resource Seed (Custom::UnicornFleetSeed) failed to create: the custom resource's function"
                        + " answered FAILED to Create: Table not found: nope. Rolled back: deleted LoadTable");
        assertThat(cloud.lambda.functions()).isEmpty();
        assertThat(cloud.dynamodb.tables).isEmpty();
    }

    @Test
    void aFunctionThatNeverAnswersTimesOutWithAClearMessage() {
        cloud.close();
        cloud = new LocalCloud(Duration.ofMillis(300));
        cloud.customResources.behave(event -> null);
        assertThatThrownBy(() -> deploy(TEMPLATE))
                .hasMessageContaining("resource Seed (Custom::UnicornFleetSeed) failed to create: the custom resource did not"
                        + " respond to its Create request within 300 ms: its function"
                        + " arn:aws:lambda:us-east-1:000000000000:function:fleet-LoadTable must PUT a SUCCESS or FAILED response"
                        + " to the event's ResponseURL");
        String lateUrl = cloud.customResources.events.getFirst().path("ResponseURL").asText();
        assertThat(cloud.customResources.put(lateUrl, "{\"Status\":\"SUCCESS\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(404);
    }

    @Test
    void updatesCarryTheOldPropertiesAndTeardownSendsDelete() {
        cloud.customResources.behave(event -> Reply.success("seed-1", Map.of("Loaded", event.path("RequestType").asText())));
        deploy(TEMPLATE);
        Stack updated = deploy(TEMPLATE.replace("Count: 3", "Count: 4"));
        JsonNode update = cloud.customResources.events.get(1);
        assertThat(update.path("RequestType").asText()).isEqualTo("Update");
        assertThat(update.path("PhysicalResourceId").asText()).isEqualTo("seed-1");
        assertThat(update.path("ResourceProperties").path("Count").asText()).isEqualTo("4");
        assertThat(update.path("OldResourceProperties").path("Count").asText()).isEqualTo("3");
        assertThat(cloud.ssm.parameters).containsEntry("seeded", "Update");
        assertThat(updated.resource("Seed").orElseThrow().attributes()).isEqualTo(Map.of("Loaded", "Update"));

        cloud.journal.clear();
        cloud.cloudFormation.delete("fleet");
        JsonNode delete = cloud.customResources.events.getLast();
        assertThat(delete.path("RequestType").asText()).isEqualTo("Delete");
        assertThat(delete.path("PhysicalResourceId").asText()).isEqualTo("seed-1");
        assertThat(delete.path("ResourceProperties").path("Count").asText()).isEqualTo("4");
        assertThat(cloud.journal).containsExactly("ssm:DeleteParameter seeded", "custom:Delete Seed",
                "lambda:delete fleet-LoadTable", "dynamodb:DeleteTable " + updated.resource("Table").orElseThrow().physicalId());
    }

    @Test
    void aNewPhysicalIdOnUpdateDeletesTheOldResourceAfterwards() {
        cloud.customResources.behave(event -> Reply.success(
                event.path("RequestType").asText().equals("Update") ? "seed-2" : event.path("PhysicalResourceId").asText("seed-1"),
                Map.of("Loaded", "yes")));
        deploy(TEMPLATE);
        deploy(TEMPLATE.replace("Count: 3", "Count: 4"));
        assertThat(cloud.customResources.requestTypes()).containsExactly("Create Seed", "Update Seed", "Delete Seed");
        assertThat(cloud.customResources.events.getLast().path("PhysicalResourceId").asText()).isEqualTo("seed-1");
        assertThat(cloud.cloudFormation.stack("fleet").orElseThrow().resource("Seed").orElseThrow().physicalId()).isEqualTo("seed-2");
    }

    @Test
    void aFailedDeleteIsLoggedAndTheTeardownGoesOn() {
        cloud.customResources.behave(event -> event.path("RequestType").asText().equals("Delete")
                ? Reply.failed("cannot empty the table") : Reply.success("seed-1", Map.of("Loaded", "3")));
        deploy(TEMPLATE);
        cloud.cloudFormation.delete("fleet");
        assertThat(cloud.cloudFormation.stacks()).isEmpty();
        assertThat(cloud.lambda.functions()).isEmpty();
        assertThat(cloud.dynamodb.tables).isEmpty();
    }

    @Test
    void aMissingDataKeyIsNamedWhenGetAttAsksForIt() {
        cloud.customResources.behave(event -> Reply.success("seed-1", Map.of("Other", "x")));
        assertThatThrownBy(() -> deploy(TEMPLATE))
                .hasMessageContaining("resource AfterSeed (AWS::SSM::Parameter) failed to create: Value (Fn::GetAtt):"
                        + " CustomResourceAttributeError: the response of Seed (Custom::UnicornFleetSeed) has no Loaded key in its"
                        + " Data; it returned [Other]")
                .hasMessageContaining("Rolled back: deleted Seed");
    }

    @Test
    void invalidResponsesFailTheResourceWithTheReason() {
        cloud.customResources.behave(event -> {
            String body = "{\"Status\":\"SUCCESS\",\"StackId\":\"" + event.path("StackId").asText()
                    + "\",\"RequestId\":\"wrong\",\"LogicalResourceId\":\"Seed\",\"PhysicalResourceId\":\"p\"}";
            assertThat(cloud.customResources.put(event.path("ResponseURL").asText(), body.getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
            return null;
        });
        assertThatThrownBy(() -> deploy(TEMPLATE))
                .hasMessageContaining("failed to create: the custom resource's function answered Create with an invalid response:"
                        + " Invalid response object: RequestId must be the request's RequestId");
    }

    @Test
    void theResponseHandlerAnswersLikeS3() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = cloud.edge.url() + CloudFormation.RESPONSE_PATH_PREFIX;
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(base + "0123456789abcdef"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No custom resource request is waiting on this ResponseURL");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(base + "x")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("PUT");
    }

    @Test
    void aServiceTokenThatIsNotAFunctionIsRefused() {
        assertThatThrownBy(() -> deploy("""
                Resources:
                  Seed:
                    Type: AWS::CloudFormation::CustomResource
                    Properties: {ServiceToken: 'arn:aws:sns:us-east-1:000000000000:topic'}
                """))
                .hasMessageContaining("ServiceToken arn:aws:sns:us-east-1:000000000000:topic is not a Lambda function ARN;"
                        + " local-cloud supports Lambda-backed custom resources only");
        assertThatThrownBy(() -> deploy("Resources: {Seed: {Type: Custom::X, Properties: {Size: 1}}}"))
                .hasMessageContaining("resource Seed (Custom::X): the property ServiceToken is required");
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
