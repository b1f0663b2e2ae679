package com.wildrydes.localcloud.cloudformation.sam;

import com.wildrydes.localcloud.cloudformation.fakes.LocalCloud;
import com.wildrydes.localcloud.cloudformation.template.Template;
import com.wildrydes.localcloud.cloudformation.template.TemplateParser;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamTransformTest {

    private static final String HEADER = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
            """;

    @TempDir
    Path dir;

    private Template transform(String resources) {
        return transform(resources, List.of());
    }

    private Template transform(String resources, List<SamEventSource> sources) {
        Path file = LocalCloud.template(dir.resolve("svc"), HEADER + resources.indent(2));
        return new SamTransform(sources).apply(TemplateParser.read(file), Map.of("Alias", "live"));
    }

    private static Map<String, Object> props(Template template, String id) {
        return template.resources().get(id).properties();
    }

    @Test
    void aFunctionGetsItsRoleWithTheBasicExecutionPolicyAndItsPolicies() {
        Template template = transform("""
                Fleet:
                  Type: AWS::Serverless::Function
                  Properties:
                    CodeUri: target/app.jar
                    Handler: a.B::handle
                    Runtime: java21
                    Environment: {Variables: {TABLE: !Ref Table}}
                    Policies:
                      - DynamoDBReadPolicy: {TableName: !Ref Table}
                      - AWSLambdaRole
                      - Statement:
                          - Effect: Allow
                            Action: dynamodb:PutItem
                            Resource: !GetAtt Table.Arn
                Table:
                  Type: AWS::DynamoDB::Table
                  Properties: {KeySchema: [], AttributeDefinitions: []}
                """);
        assertThat(template.resources().keySet()).containsExactly("FleetRole", "Fleet", "Table");
        assertThat(template.resources().get("FleetRole").type()).isEqualTo("AWS::IAM::Role");
        Map<String, Object> function = props(template, "Fleet");
        assertThat(template.resources().get("Fleet").type()).isEqualTo("AWS::Lambda::Function");
        assertThat(function).containsEntry("Code", "target/app.jar").containsEntry("Handler", "a.B::handle")
                .containsEntry("Role", Map.of("Fn::GetAtt", List.of("FleetRole", "Arn")))
                .containsEntry("Environment", Map.of("Variables", Map.of("TABLE", Map.of("Ref", "Table"))));
        Map<String, Object> role = props(template, "FleetRole");
        assertThat(role.get("ManagedPolicyArns")).isEqualTo(List.of(
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                "arn:aws:iam::aws:policy/service-role/AWSLambdaRole"));
        Map<String, Object> readPolicy = Map.of("PolicyName", "FleetRolePolicy0", "PolicyDocument", Map.of("Statement", List.of(Map.of(
                "Effect", "Allow",
                "Action", List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"),
                "Resource", List.of(
                        Map.of("Fn::Sub", List.of("arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}",
                                Map.of("TableName", Map.of("Ref", "Table")))),
                        Map.of("Fn::Sub", List.of("arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/index/*",
                                Map.of("TableName", Map.of("Ref", "Table")))))))));
        Map<String, Object> inline = Map.of("PolicyName", "FleetRolePolicy1", "PolicyDocument", Map.of("Statement", List.of(Map.of(
                "Effect", "Allow", "Action", "dynamodb:PutItem", "Resource", Map.of("Fn::GetAtt", List.of("Table", "Arn"))))));
        assertThat(role.get("Policies")).isEqualTo(List.of(readPolicy, inline));
    }

    @Test
    void policyTemplatesExpandToAwsActionsAndArns() {
        Template template = transform("""
                F:
                  Type: AWS::Serverless::Function
                  Properties:
                    CodeUri: target/app.jar
                    Handler: h
                    Runtime: java17
                    Policies:
                      - DynamoDBCrudPolicy: {TableName: t}
                      - DynamoDBWritePolicy: {TableName: t}
                      - SSMParameterReadPolicy: {ParameterName: wild-rydes/dev/*}
                      - SNSPublishMessagePolicy: {TopicName: rides}
                      - SQSSendMessagePolicy: {QueueName: dlq}
                      - SQSPollerPolicy: {QueueName: q}
                      - LambdaInvokePolicy: {FunctionName: fleet-RequestUnicorn}
                """);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> policies = (List<Map<String, Object>>) props(template, "FRole").get("Policies");
        assertThat(policies).hasSize(7);
        assertThat(statements(policies.get(0)).getFirst().get("Action")).isEqualTo(List.of("dynamodb:GetItem", "dynamodb:DeleteItem",
                "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem",
                "dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"));
        assertThat(statements(policies.get(1)).getFirst().get("Action"))
                .isEqualTo(List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"));
        List<Map<String, Object>> ssm = statements(policies.get(2));
        assertThat(ssm.get(0)).isEqualTo(Map.of("Effect", "Allow", "Action", List.of("ssm:DescribeParameters"), "Resource", "*"));
        assertThat(ssm.get(1)).isEqualTo(Map.of("Effect", "Allow",
                "Action", List.of("ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"),
                "Resource", Map.of("Fn::Sub", List.of("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${ParameterName}",
                        Map.of("ParameterName", "wild-rydes/dev/*")))));
        assertThat(statements(policies.get(3)).getFirst()).containsEntry("Action", List.of("sns:Publish")).containsEntry("Resource",
                Map.of("Fn::Sub", List.of("arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${TopicName}", Map.of("TopicName", "rides"))));
        assertThat(statements(policies.get(4)).getFirst()).containsEntry("Action", List.of("sqs:SendMessage*"));
        assertThat(statements(policies.get(5)).getFirst()).containsEntry("Action", List.of("sqs:ChangeMessageVisibility",
                "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage", "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes",
                "sqs:ReceiveMessage"));
        assertThat(statements(policies.get(6)).getFirst()).containsEntry("Action", List.of("lambda:InvokeFunction")).containsEntry("Resource",
                Map.of("Fn::Sub", List.of("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}*",
                        Map.of("FunctionName", "fleet-RequestUnicorn"))));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> policy) {
        return (List<Map<String, Object>>) ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement");
    }

    @Test
    void apiEventsMakeTheImplicitApiItsProdStageAndAPermissionPerEvent() {
        Template template = transform("""
                Ride:
                  Type: AWS::Serverless::Function
                  Properties:
                    CodeUri: target/app.jar
                    Handler: h
                    Runtime: java21
                    Events:
                      Post: {Type: Api, Properties: {Path: /ride, Method: post}}
                      Preflight: {Type: Api, Properties: {Path: /ride, Method: options}}
                      Anything: {Type: Api, Properties: {Path: '/things/{proxy+}', Method: any}}
                """);
        String deployment = template.resources().keySet().stream().filter(id -> id.startsWith("ServerlessRestApiDeployment"))
                .findFirst().orElseThrow();
        assertThat(deployment).matches("ServerlessRestApiDeployment[0-9a-f]{10}");
        assertThat(template.resources().keySet()).containsExactly("RideRole", "Ride", "RidePostPermissionProd",
                "RidePreflightPermissionProd", "RideAnythingPermissionProd", "ServerlessRestApi", deployment, "ServerlessRestApiProdStage");
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) ((Map<String, Object>) props(template, "ServerlessRestApi").get("Body")).get("paths");
        assertThat(paths.keySet()).containsExactly("/ride", "/things/{proxy+}");
        assertThat(List.copyOf(((Map<?, ?>) paths.get("/ride")).keySet())).isEqualTo(List.of("post", "options"));
        assertThat(List.copyOf(((Map<?, ?>) paths.get("/things/{proxy+}")).keySet())).isEqualTo(List.of("x-amazon-apigateway-any-method"));
        assertThat(((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) paths.get("/ride")).get("post")).get("x-amazon-apigateway-integration")))
                .isEqualTo(Map.of("httpMethod", "POST", "type", "aws_proxy", "uri", Map.of("Fn::Sub",
                        "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Ride.Arn}/invocations")));
        assertThat(props(template, "ServerlessRestApiProdStage")).isEqualTo(Map.of("DeploymentId", Map.of("Ref", deployment),
                "RestApiId", Map.of("Ref", "ServerlessRestApi"), "StageName", "Prod"));
        assertThat(props(template, "RidePostPermissionProd")).containsEntry("Action", "lambda:InvokeFunction")
                .containsEntry("FunctionName", Map.of("Ref", "Ride")).containsEntry("Principal", "apigateway.amazonaws.com")
                .containsEntry("SourceArn", Map.of("Fn::Sub", List.of(
                        "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/POST/ride",
                        Map.of("__ApiId__", Map.of("Ref", "ServerlessRestApi"), "__Stage__", "*"))));
        assertThat(((Map<?, ?>) props(template, "RideAnythingPermissionProd").get("SourceArn")).toString()).contains("/*/things/*");
    }

    @Test
    void theDeploymentIdChangesWhenTheApiChanges() {
        String one = deploymentId(transform(apiFunction("/ride")));
        String same = deploymentId(transform(apiFunction("/ride")));
        String other = deploymentId(transform(apiFunction("/rides")));
        assertThat(one).isEqualTo(same).isNotEqualTo(other);
    }

    private static String apiFunction(String path) {
        return """
                Ride:
                  Type: AWS::Serverless::Function
                  Properties: {CodeUri: target/app.jar, Handler: h, Runtime: java21,
                               Events: {Post: {Type: Api, Properties: {Path: %s, Method: post}}}}
                """.formatted(path);
    }

    private static String deploymentId(Template template) {
        return template.resources().keySet().stream().filter(id -> id.startsWith("ServerlessRestApiDeployment")).findFirst().orElseThrow();
    }

    @Test
    void autoPublishAliasMakesAVersionAndAnAliasThatEventsTarget() {
        Template template = transform("""
                Fleet:
                  Type: AWS::Serverless::Function
                  Properties:
                    CodeUri: target/app.jar
                    Handler: h
                    Runtime: java21
                    AutoPublishAlias: !Ref Alias
                    DeadLetterQueue: {Type: SQS, TargetArn: arn:aws:sqs:us-east-1:000000000000:dlq}
                    EventInvokeConfig:
                      MaximumRetryAttempts: 1
                      DestinationConfig: {OnFailure: {Type: SQS, Destination: arn:aws:sqs:us-east-1:000000000000:failed}}
                    Events:
                      Get: {Type: Api, Properties: {Path: /unicorn, Method: get}}
                Param:
                  Type: AWS::SSM::Parameter
                  Properties: {Type: String, Value: !Ref Fleet.Alias}
                """);
        String version = template.resources().keySet().stream().filter(id -> id.startsWith("FleetVersion")).findFirst().orElseThrow();
        assertThat(version).matches("FleetVersion[0-9a-f]{10}");
        assertThat(props(template, "FleetAliaslive")).isEqualTo(Map.of("Name", "live", "FunctionName", Map.of("Ref", "Fleet"),
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(version, "Version"))));
        assertThat(props(template, "FleetGetPermissionProd")).containsEntry("FunctionName", Map.of("Ref", "FleetAliaslive"));
        assertThat(props(template, "Param")).containsEntry("Value", Map.of("Ref", "FleetAliaslive"));
        assertThat(props(template, "FleetEventInvokeConfig")).isEqualTo(Map.of("FunctionName", Map.of("Ref", "Fleet"),
                "Qualifier", "live", "MaximumRetryAttempts", 1,
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination", "arn:aws:sqs:us-east-1:000000000000:failed"))));
        assertThat(template.resources().get("FleetEventInvokeConfig").dependsOn()).containsExactly("FleetAliaslive");
        assertThat(props(template, "Fleet")).containsEntry("DeadLetterConfig", Map.of("TargetArn", "arn:aws:sqs:us-east-1:000000000000:dlq"));
        assertThat(props(template, "FleetRole").get("Policies").toString())
                .contains("sqs:SendMessage, Resource=arn:aws:sqs:us-east-1:000000000000:dlq")
                .contains("sqs:SendMessage, Resource=arn:aws:sqs:us-east-1:000000000000:failed");
        assertThat(((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) props(template, "ServerlessRestApi").get("Body")).get("paths"))
                .get("/unicorn")).get("get")).toString()).contains("${FleetAliaslive}");
    }

    @Test
    void globalsMergeIntoEveryFunction() {
        Path file = LocalCloud.template(dir.resolve("g"), """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: java21
                    MemorySize: 512
                    Environment: {Variables: {STAGE: dev, SHARED: global}}
                Resources:
                  A:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: target/app.jar, Handler: h, MemorySize: 1024, Environment: {Variables: {SHARED: mine}}}
                """);
        Template template = new SamTransform(List.of()).apply(TemplateParser.read(file), Map.of());
        assertThat(props(template, "A")).containsEntry("Runtime", "java21").containsEntry("MemorySize", 1024)
                .containsEntry("Environment", Map.of("Variables", Map.of("STAGE", "dev", "SHARED", "mine")));
    }

    @Test
    void simpleTablesBecomeOnDemandTables() {
        Template template = transform("""
                Records:
                  Type: AWS::Serverless::SimpleTable
                  Properties: {PrimaryKey: {Name: RideId, Type: String}}
                Other:
                  Type: AWS::Serverless::SimpleTable
                  Properties: {ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}}
                """);
        assertThat(template.resources().get("Records").type()).isEqualTo("AWS::DynamoDB::Table");
        assertThat(props(template, "Records")).isEqualTo(Map.of(
                "KeySchema", List.of(Map.of("AttributeName", "RideId", "KeyType", "HASH")),
                "AttributeDefinitions", List.of(Map.of("AttributeName", "RideId", "AttributeType", "S")),
                "BillingMode", "PAY_PER_REQUEST"));
        assertThat(props(template, "Other")).containsEntry("ProvisionedThroughput", Map.of("ReadCapacityUnits", 5, "WriteCapacityUnits", 5))
                .containsEntry("KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")));
    }

    @Test
    void extraEventSourcesAddTheirResourcesAndPolicies() {
        SamEventSource sns = new SamEventSource() {
            @Override
            public String type() {
                return "SNS";
            }

            @Override
            public Set<String> properties() {
                return Set.of("Topic");
            }

            @Override
            public SamEventExpansion expand(SamEvent event) {
                return new SamEventExpansion(List.of(new TemplateResource(event.functionLogicalId() + event.eventName(),
                        "AWS::SNS::Subscription", Map.of("TopicArn", event.properties().get("Topic"), "Endpoint", event.functionArn(),
                        "Function", event.functionTarget()))),
                        List.of("AWSLambdaSQSQueueExecutionRole"));
            }
        };
        Template template = transform("""
                Record:
                  Type: AWS::Serverless::Function
                  Properties:
                    CodeUri: target/app.jar
                    Handler: h
                    Runtime: java21
                    Events: {Rides: {Type: SNS, Properties: {Topic: arn:aws:sns:us-east-1:000000000000:rides}}}
                """, List.of(sns));
        assertThat(props(template, "RecordRides")).containsEntry("Endpoint", Map.of("Fn::GetAtt", List.of("Record", "Arn")))
                .containsEntry("Function", Map.of("Ref", "Record"));
        assertThat(props(template, "RecordRole").get("ManagedPolicyArns").toString()).contains("AWSLambdaSQSQueueExecutionRole");
    }

    @Test
    void unsupportedThingsAreRefusedByNameWithWhatIsSupported() {
        assertThatThrownBy(() -> transform("""
                F:
                  Type: AWS::Serverless::Function
                  Properties: {CodeUri: target/app.jar, Handler: h, Runtime: java21, ReservedConcurrentExecutions: 5}
                """))
                .hasMessageStartingWith("svc/template.yaml: resource F (AWS::Serverless::Function): the property ReservedConcurrentExecutions"
                        + " is not supported by local-cloud; supported properties: Architectures, AutoPublishAlias, CodeUri,"
                        + " DeadLetterQueue, Description, Environment, EventInvokeConfig, Events, FunctionName, Handler, MemorySize,"
                        + " Policies, Role, Runtime, Tags, Timeout, Tracing");
        assertThatThrownBy(() -> transform("Api: {Type: AWS::Serverless::Api, Properties: {StageName: Prod}}"))
                .hasMessageContaining("resource Api (AWS::Serverless::Api): the type AWS::Serverless::Api is not supported by"
                        + " local-cloud; supported SAM types: AWS::Serverless::Function, AWS::Serverless::SimpleTable");
        assertThatThrownBy(() -> transform("""
                F:
                  Type: AWS::Serverless::Function
                  Properties: {CodeUri: target/app.jar, Handler: h, Runtime: java21, Events: {Q: {Type: SQS, Properties: {Queue: q}}}}
                """))
                .hasMessageContaining("Events.Q has the type SQS, which local-cloud does not support; supported event types: Api");
        assertThatThrownBy(() -> transform("""
                F:
                  Type: AWS::Serverless::Function
                  Properties: {CodeUri: target/app.jar, Handler: h, Runtime: python3.12}
                """))
                .hasMessageContaining("Runtime python3.12 is not supported: local-cloud runs Java functions on the runtimes java21, java17, java11");
        assertThatThrownBy(() -> transform("""
                F:
                  Type: AWS::Serverless::Function
                  Properties: {CodeUri: target/app.jar, Handler: h, Runtime: java21, Policies: [S3ReadPolicy: {BucketName: b}]}
                """))
                .hasMessageContaining("[S3ReadPolicy] is not a policy template local-cloud knows")
                .hasMessageContaining("supported policy templates: CloudWatchPutMetricPolicy, DynamoDBCrudPolicy, DynamoDBReadPolicy,");
        assertThatThrownBy(() -> transform("""
                F:
                  Type: AWS::Serverless::Function
                  Properties: {CodeUri: target/app.jar, Handler: h, Runtime: java21,
                               Events: {G: {Type: Api, Properties: {Path: /x, Method: get, Auth: {ApiKeyRequired: true}}}}}
                """))
                .hasMessageContaining("Events.G (Api) has the property Auth, which local-cloud does not support; supported: Method, Path");
    }

    @Test
    void aMissingArtifactSaysHowToBuildIt() {
        assertThatThrownBy(() -> transform("""
                F:
                  Type: AWS::Serverless::Function
                  Properties: {CodeUri: target/x.jar, Handler: h, Runtime: java21}
                """))
                .hasMessage("svc/template.yaml: resource F (AWS::Serverless::Function): CodeUri target/x.jar does not exist:"
                        + " build it first with ./mvnw package");
    }

    @Test
    void samResourcesNeedTheTransform() {
        Path file = LocalCloud.template(dir.resolve("nt"), """
                Resources:
                  F: {Type: AWS::Serverless::Function, Properties: {CodeUri: target/app.jar}}
                """);
        assertThatThrownBy(() -> new SamTransform(List.of()).apply(TemplateParser.read(file), Map.of()))
                .hasMessageContaining("resource F has the type AWS::Serverless::Function, which needs 'Transform: AWS::Serverless-2016-10-31'");
    }

    @Test
    void apiGlobalsAreRefused() {
        Path file = LocalCloud.template(dir.resolve("ga"), """
                Transform: AWS::Serverless-2016-10-31
                Globals: {Api: {Cors: "'*'"}}
                Resources:
                  T: {Type: AWS::Serverless::SimpleTable}
                """);
        assertThatThrownBy(() -> new SamTransform(List.of()).apply(TemplateParser.read(file), Map.of()))
                .hasMessage("ga/template.yaml: Globals.Api is not supported by local-cloud; supported Globals sections: Function");
    }
}
