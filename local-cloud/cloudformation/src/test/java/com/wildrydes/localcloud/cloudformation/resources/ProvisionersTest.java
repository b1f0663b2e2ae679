package com.wildrydes.localcloud.cloudformation.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.cloudformation.DeployFailedException;
import com.wildrydes.localcloud.cloudformation.Stack;
import com.wildrydes.localcloud.cloudformation.fakes.LocalCloud;
import com.wildrydes.localcloud.cloudformation.template.TemplateException;
import com.wildrydes.localcloud.lambda.AsyncConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each resource type does to the services it provisions through, on create, update and delete. */
class ProvisionersTest {

    @TempDir
    Path dir;

    private final LocalCloud cloud = new LocalCloud();

    @AfterEach
    void close() {
        cloud.close();
    }

    private Stack deploy(String yaml) {
        return deploy(yaml, Map.of());
    }

    private Stack deploy(String yaml, Map<String, String> parameters) {
        return cloud.cloudFormation.deploy("svc", LocalCloud.template(dir.resolve("svc"), yaml), parameters);
    }

    private static final String TABLE = """
            Parameters:
              Capacity: {Type: Number, Default: 5}
            Resources:
              Rides:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: rides
                  KeySchema: [{AttributeName: RideId, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: RideId, AttributeType: S}]
                  ProvisionedThroughput: {ReadCapacityUnits: !Ref Capacity, WriteCapacityUnits: !Ref Capacity}
                  StreamSpecification: {StreamViewType: NEW_IMAGE}
            Outputs:
              Stream: {Value: !GetAtt Rides.StreamArn}
            """;

    @Test
    void tablesTakeCapacityFromParametersAsNumbersAndExposeTheirStream() {
        Stack stack = deploy(TABLE);
        JsonNode input = cloud.dynamodb.tables.get("rides");
        assertThat(input.path("BillingMode").asText()).isEqualTo("PROVISIONED");
        assertThat(input.path("ProvisionedThroughput").path("ReadCapacityUnits").isNumber()).isTrue();
        assertThat(input.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong()).isEqualTo(5);
        assertThat(input.path("StreamSpecification").path("StreamEnabled").asBoolean()).isTrue();
        assertThat(stack.outputs().get("Stream")).startsWith("arn:aws:dynamodb:us-east-1:000000000000:table/rides/stream/");
    }

    @Test
    void billingChangesInPlaceButAKeyChangeReplacesTheTable() {
        deploy(TABLE);
        cloud.journal.clear();
        deploy(TABLE, Map.of("Capacity", "10"));
        assertThat(cloud.journal).containsExactly("dynamodb:UpdateTable rides");
        assertThat(cloud.dynamodb.tables.get("rides").path("ProvisionedThroughput").path("WriteCapacityUnits").asLong()).isEqualTo(10);

        cloud.journal.clear();
        deploy(TABLE.replace("RideId", "Id"));
        assertThat(cloud.journal).containsExactly("dynamodb:DeleteTable rides", "dynamodb:CreateTable rides");
    }

    @Test
    void provisionedTablesNeedThroughput() {
        assertThatThrownBy(() -> deploy("""
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties: {KeySchema: [{AttributeName: Id, KeyType: HASH}], AttributeDefinitions: [{AttributeName: Id, AttributeType: S}]}
                """))
                .isInstanceOf(DeployFailedException.class)
                .hasMessageContaining("ProvisionedThroughput is required when BillingMode is PROVISIONED (the default)");
    }

    @Test
    void renamingAParameterCreatesTheNewOneBeforeDeletingTheOld() {
        String yaml = "Resources: {P: {Type: AWS::SSM::Parameter, Properties: {Name: /a, Type: String, Value: v, Tags: {team: rides}}}}";
        deploy(yaml);
        cloud.journal.clear();
        deploy(yaml.replace("Value: v", "Value: w"));
        assertThat(cloud.journal).containsExactly("ssm:PutParameter /a");
        assertThat(cloud.ssm.parameters).isEqualTo(Map.of("/a", "w"));
        cloud.journal.clear();
        deploy(yaml.replace("/a", "/b"));
        assertThat(cloud.journal).containsExactly("ssm:PutParameter /b", "ssm:DeleteParameter /a");
        assertThatThrownBy(() -> deploy(yaml.replace("Type: String", "Type: SecureString")))
                .hasMessageContaining("Type SecureString is not supported for AWS::SSM::Parameter");
    }

    @Test
    void removingAnEventInvokeConfigRestoresLambdasDefaults() {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: target/app.jar
                      Handler: h
                      Runtime: java21
                      EventInvokeConfig: {MaximumRetryAttempts: 0}
                """;
        deploy(yaml);
        assertThat(cloud.lambda.function("svc-F").orElseThrow().async()).isEqualTo(new AsyncConfig(0, 21600, null));
        deploy(yaml.replace("EventInvokeConfig: {MaximumRetryAttempts: 0}", "Timeout: 5"));
        assertThat(cloud.lambda.function("svc-F").orElseThrow().async()).isEqualTo(AsyncConfig.DEFAULT);
        assertThatThrownBy(() -> deploy(yaml.replace("MaximumRetryAttempts: 0", "MaximumRetryAttempts: 3")))
                .hasMessageContaining("MaximumRetryAttempts 3 is out of range: Lambda allows 0 to 2");
    }

    @Test
    void plainLambdaFunctionsTakeALocalCodePath() {
        String yaml = """
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
                      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]
                  F:
                    Type: AWS::Lambda::Function
                    Properties: {Code: target/app.jar, Handler: h, Runtime: java17, Role: !GetAtt Role.Arn, MemorySize: 256}
                """;
        deploy(yaml);
        assertThat(cloud.lambda.function("svc-F").orElseThrow().memorySizeMb()).isEqualTo(256);
        assertThat(cloud.lambda.function("svc-F").orElseThrow().roleArn()).isEqualTo("arn:aws:iam::000000000000:role/svc-Role");
        assertThatThrownBy(() -> deploy(yaml.replace("target/app.jar", "target/missing.jar")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("svc/template.yaml: resource F (AWS::Lambda::Function): Code target/missing.jar does not exist:"
                        + " build it first with ./mvnw package");
        assertThatThrownBy(() -> deploy(yaml.replace("java17", "nodejs22.x")))
                .hasMessageContaining("Runtime nodejs22.x is not supported: local-cloud runs Java functions on the runtimes java21, java17, java11");
        assertThatThrownBy(() -> deploy(yaml.replace("MemorySize: 256", "MemorySize: 64")))
                .hasMessageContaining("MemorySize 64 is out of range: Lambda allows 128 to 10240 MB");
    }

    @Test
    void rolesRefuseManagedPoliciesAndStatementKeysTheyCannotModel() {
        String yaml = """
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {Statement: []}
                      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
                """;
        assertThatThrownBy(() -> deploy(yaml))
                .hasMessageContaining("the managed policy arn:aws:iam::aws:policy/AdministratorAccess is not known to local-cloud;"
                        + " supported managed policies: AWSLambdaBasicExecutionRole, AWSLambdaDynamoDBExecutionRole, AWSLambdaRole,");
        assertThatThrownBy(() -> deploy("""
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {Statement: []}
                      Policies: [{PolicyName: p, PolicyDocument: {Statement: [{Effect: Allow, NotAction: 's3:*', Resource: '*'}]}}]
                """))
                .hasMessageContaining("p: the policy statement key NotAction is not supported by local-cloud; supported keys: Action,"
                        + " Condition, Effect, Resource, Sid");
    }

    @Test
    void apisRefuseIntegrationsOtherThanLambdaProxy() {
        assertThatThrownBy(() -> deploy("""
                Resources:
                  Api:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      Name: mock
                      Body:
                        swagger: '2.0'
                        paths: {/health: {get: {x-amazon-apigateway-integration: {type: mock}}}}
                """))
                .hasMessageContaining("resource Api (AWS::ApiGateway::RestApi) failed to create: GET /health has the integration type"
                        + " mock; local-cloud supports Lambda proxy integrations (type aws_proxy) only");
    }
}
