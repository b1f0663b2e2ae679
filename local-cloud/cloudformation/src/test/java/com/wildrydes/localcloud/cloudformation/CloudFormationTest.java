package com.wildrydes.localcloud.cloudformation;

import com.wildrydes.localcloud.cloudformation.fakes.LocalCloud;
import com.wildrydes.localcloud.cloudformation.template.TemplateException;
import com.wildrydes.localcloud.lambda.AsyncConfig;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudFormationTest {

    /** A service shaped like the workshop's: a table, a function behind an API, its URL published in SSM. */
    private static final String FLEET = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage: {Type: String, Default: dev, AllowedPattern: '^[a-z0-9-]{1,16}$'}
            Globals:
              Function: {Runtime: java21, MemorySize: 512, Timeout: 10}
            Resources:
              UnicornsTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: Name, AttributeType: S}]
                  KeySchema: [{AttributeName: Name, KeyType: HASH}]
              RequestUnicorn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: target/app.jar
                  Handler: com.example.Handler::handleRequest
                  Environment: {Variables: {DDB_TABLE_NAME: !Ref UnicornsTable}}
                  Policies: [DynamoDBReadPolicy: {TableName: !Ref UnicornsTable}]
                  Events:
                    GetUnicorn: {Type: Api, Properties: {Path: /unicorn, Method: get}}
              UrlParameter:
                Type: AWS::SSM::Parameter
                Properties:
                  Name: !Sub /fleet/${Stage}/Url
                  Type: String
                  Value: !Sub https://${ServerlessRestApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/Prod/unicorn
            Outputs:
              Url:
                Value: !Sub https://${ServerlessRestApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/Prod/unicorn
                Export: {Name: !Sub '${AWS::StackName}-url'}
              TableName: {Value: !Ref UnicornsTable}
            """;

    @TempDir
    Path dir;

    private final LocalCloud cloud = new LocalCloud();

    @AfterEach
    void close() {
        cloud.close();
    }

    private Path template(String name, String yaml) {
        return LocalCloud.template(dir.resolve(name), yaml);
    }

    private Stack deploy(String stackName, String yaml) {
        return cloud.cloudFormation.deploy(stackName, template(stackName, yaml), Map.of());
    }

    @Test
    void createsEveryResourceInDependencyOrderAndReportsTheStack() {
        Stack stack = deploy("fleet", FLEET);

        String apiId = stack.resource("ServerlessRestApi").orElseThrow().physicalId();
        assertThat(apiId).matches("[a-z0-9]{10}");
        String table = stack.resource("UnicornsTable").orElseThrow().physicalId();
        assertThat(table).matches("fleet-UnicornsTable-[A-Z0-9]{12}");
        // The SSM parameter needs only the API's id, so it is written before the API's stage exists.
        assertThat(cloud.journal).containsExactly(
                "dynamodb:CreateTable " + table,
                "lambda:create fleet-RequestUnicorn",
                "ssm:PutParameter /fleet/dev/Url",
                "apigateway:create " + apiId);
        assertThat(stack.resources()).extracting(StackResource::logicalId).containsExactly("UnicornsTable", "RequestUnicornRole",
                "RequestUnicorn", "ServerlessRestApi", "RequestUnicornGetUnicornPermissionProd", "UrlParameter",
                stack.resources().get(6).logicalId(), "ServerlessRestApiProdStage");
        assertThat(stack.resources().get(6).logicalId()).startsWith("ServerlessRestApiDeployment");
        assertThat(stack.status()).isEqualTo(StackStatus.CREATE_COMPLETE);
        assertThat(stack.id()).matches("arn:aws:cloudformation:us-east-1:000000000000:stack/fleet/[0-9a-f-]{36}");
        assertThat(stack.parameters()).isEqualTo(Map.of("Stage", "dev"));
        assertThat(stack.templateDirectory()).isEqualTo(dir.resolve("fleet").toAbsolutePath());

        FunctionConfig function = cloud.lambda.function("fleet-RequestUnicorn").orElseThrow();
        assertThat(function.handler()).isEqualTo("com.example.Handler::handleRequest");
        assertThat(function.runtime()).isEqualTo("java21");
        assertThat(function.memorySizeMb()).isEqualTo(512);
        assertThat(function.timeoutSeconds()).isEqualTo(10);
        assertThat(function.codePath()).isEqualTo(dir.resolve("fleet/target/app.jar").toAbsolutePath());
        assertThat(function.environment()).isEqualTo(Map.of("DDB_TABLE_NAME", table));
        assertThat(function.roleArn()).isEqualTo("arn:aws:iam::000000000000:role/fleet-RequestUnicornRole");
        assertThat(function.async()).isEqualTo(AsyncConfig.DEFAULT);
        assertThat(cloud.apiGateway.routes(apiId)).containsExactly("GET /unicorn -> fleet-RequestUnicorn");
        assertThat(cloud.apiGateway.calls).containsExactly("createRestApi " + apiId + " fleet Prod");
        assertThat(cloud.dynamodb.tables.get(table).path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");

        String localUrl = cloud.edge.url() + "/restapis/" + apiId + "/Prod/unicorn";
        assertThat(cloud.ssm.parameters).isEqualTo(Map.of("/fleet/dev/Url", localUrl));
        assertThat(stack.outputs()).isEqualTo(Map.of("Url", localUrl, "TableName", table));
        assertThat(stack.exports()).isEqualTo(Map.of("fleet-url", localUrl));
        assertThat(stack.resource("RequestUnicorn").orElseThrow().attributes())
                .isEqualTo(Map.of("Arn", "arn:aws:lambda:us-east-1:000000000000:function:fleet-RequestUnicorn"));
        assertThat(stack.resource("UnicornsTable").orElseThrow().attributes())
                .containsEntry("Arn", "arn:aws:dynamodb:us-east-1:000000000000:table/" + table);
        assertThat(cloud.cloudFormation.stacks()).containsExactly(stack);
        assertThat(cloud.cloudFormation.stack("fleet")).contains(stack);
    }

    @Test
    void namesAndApiIdsAreTheSameOnEveryRun() {
        Stack first = deploy("fleet", FLEET);
        try (LocalCloud other = new LocalCloud()) {
            Stack second = other.cloudFormation.deploy("fleet", dir.resolve("fleet/template.yaml"), Map.of());
            for (StackResource resource : first.resources()) {
                if (!resource.type().equals("AWS::ApiGateway::Deployment")) {
                    assertThat(second.resource(resource.logicalId()).orElseThrow().physicalId()).isEqualTo(resource.physicalId());
                }
            }
        }
        Stack other = cloud.cloudFormation.deploy("other", template("other", FLEET), Map.of("Stage", "other"));
        assertThat(other.resource("ServerlessRestApi").orElseThrow().physicalId())
                .isNotEqualTo(first.resource("ServerlessRestApi").orElseThrow().physicalId());
    }

    @Test
    void resolvesPseudoParameters() {
        Stack stack = deploy("pseudo", """
                Resources:
                  P: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: x}}
                Outputs:
                  Account: {Value: !Ref AWS::AccountId}
                  Region: {Value: !Ref AWS::Region}
                  Name: {Value: !Ref AWS::StackName}
                  Id: {Value: !Ref AWS::StackId}
                  Partition: {Value: !Ref AWS::Partition}
                  Suffix: {Value: !Ref AWS::URLSuffix}
                  Notifications: {Value: !Join [',', !Ref AWS::NotificationARNs]}
                  Generated: {Value: !Ref P}
                  Attribute: {Value: !GetAtt P.Value}
                """);
        assertThat(stack.outputs()).containsEntry("Account", "000000000000").containsEntry("Region", "us-east-1")
                .containsEntry("Name", "pseudo").containsEntry("Id", stack.id()).containsEntry("Partition", "aws")
                .containsEntry("Suffix", "amazonaws.com").containsEntry("Notifications", "")
                .containsEntry("Attribute", "x");
        assertThat(stack.outputs().get("Generated")).matches("CFN-P-[A-Z0-9]{12}");
    }

    @Test
    void conditionsDecideWhichResourcesExistAndIfPicksValues() {
        String yaml = """
                Parameters:
                  Stage: {Type: String, Default: dev}
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                Resources:
                  Always:
                    Type: AWS::SSM::Parameter
                    Properties:
                      Name: always
                      Type: String
                      Value: !If [IsProd, production, development]
                      Description: !If [IsProd, !Ref AWS::NoValue, only in dev]
                  ProdOnly:
                    Type: AWS::SSM::Parameter
                    Condition: IsProd
                    Properties: {Name: prod-only, Type: String, Value: p}
                Outputs:
                  ProdName: {Condition: IsProd, Value: !Ref ProdOnly}
                  Mode: {Value: !If [IsProd, !Ref ProdOnly, none]}
                """;
        Stack dev = deploy("cond", yaml);
        assertThat(cloud.ssm.parameters).isEqualTo(Map.of("always", "development"));
        assertThat(dev.resource("ProdOnly")).isEmpty();
        assertThat(dev.outputs()).isEqualTo(Map.of("Mode", "none"));

        Stack prod = cloud.cloudFormation.deploy("cond", dir.resolve("cond/template.yaml"), Map.of("Stage", "prod"));
        assertThat(cloud.ssm.parameters).isEqualTo(Map.of("always", "production", "prod-only", "p"));
        assertThat(prod.outputs()).isEqualTo(Map.of("ProdName", "prod-only", "Mode", "prod-only"));
    }

    @Test
    void aFailedResourceRollsBackWhatTheDeployCreatedInReverseOrder() {
        cloud.dynamodb.failCreating = "broken-table";
        String broken = """
                Broken:
                  Type: AWS::DynamoDB::Table
                  DependsOn: [UrlParameter, ServerlessRestApiProdStage]
                  Properties:
                    TableName: broken-table
                    BillingMode: PAY_PER_REQUEST
                    AttributeDefinitions: [{AttributeName: Id, AttributeType: S}]
                    KeySchema: [{AttributeName: Id, KeyType: HASH}]
                """.indent(2);
        assertThatThrownBy(() -> deploy("fleet", FLEET.replace("  UrlParameter:\n", broken + "  UrlParameter:\n")))
                .isInstanceOfSatisfying(DeployFailedException.class, e -> {
                    assertThat(e.logicalId()).isEqualTo("Broken");
                    assertThat(e.resourceType()).isEqualTo("AWS::DynamoDB::Table");
                })
                .hasMessageStartingWith("fleet (fleet/template.yaml): resource Broken (AWS::DynamoDB::Table) failed to create:"
                        + " LimitExceededException: Subscriber limit exceeded for broken-table. Rolled back: deleted"
                        + " ServerlessRestApiProdStage, deleted ServerlessRestApiDeployment")
                .hasMessageEndingWith("deleted UrlParameter, deleted RequestUnicornGetUnicornPermissionProd, deleted ServerlessRestApi,"
                        + " deleted RequestUnicorn, deleted RequestUnicornRole, deleted UnicornsTable");

        List<String> journal = cloud.journal;
        int failure = journal.indexOf("dynamodb:CreateTable broken-table");
        assertThat(journal.subList(failure + 1, journal.size())).extracting(s -> s.substring(0, s.indexOf(' ')))
                .containsExactly("apigateway:delete", "ssm:DeleteParameter", "lambda:delete", "dynamodb:DeleteTable");
        assertThat(cloud.lambda.functions()).isEmpty();
        assertThat(cloud.dynamodb.tables).isEmpty();
        assertThat(cloud.ssm.parameters).isEmpty();
        assertThat(cloud.apiGateway.apis()).isEmpty();
        assertThat(cloud.cloudFormation.stacks()).isEmpty();
        assertThat(cloud.cloudFormation.rolePolicies()).isEmpty();
    }

    @Test
    void anUpdateChangesWhatChangedDeletesWhatWasRemovedAndKeepsTheRest() {
        Stack before = deploy("fleet", FLEET);
        cloud.journal.clear();
        Stack after = deploy("fleet", FLEET
                .replace("DDB_TABLE_NAME: !Ref UnicornsTable", "DDB_TABLE_NAME: !Ref UnicornsTable, MODE: fast")
                .replace("UrlParameter:", "NewParameter:")
                .replace("Name: !Sub /fleet/${Stage}/Url", "Name: !Sub /fleet/${Stage}/NewUrl"));

        assertThat(cloud.journal).containsExactly(
                "lambda:delete fleet-RequestUnicorn",
                "lambda:create fleet-RequestUnicorn",
                "ssm:PutParameter /fleet/dev/NewUrl",
                "ssm:DeleteParameter /fleet/dev/Url");
        assertThat(cloud.lambda.function("fleet-RequestUnicorn").orElseThrow().environment()).containsEntry("MODE", "fast");
        assertThat(after.status()).isEqualTo(StackStatus.UPDATE_COMPLETE);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.resource("UrlParameter")).isEmpty();
        assertThat(after.resource("UnicornsTable")).isEqualTo(before.resource("UnicornsTable"));
    }

    @Test
    void redeployingAnUnchangedTemplateChangesNothing() {
        Stack first = deploy("fleet", FLEET);
        cloud.journal.clear();
        Stack second = deploy("fleet", FLEET);
        assertThat(cloud.journal).isEmpty();
        assertThat(second).isEqualTo(first);
        assertThat(second.status()).isEqualTo(StackStatus.CREATE_COMPLETE);
    }

    @Test
    void aRebuiltArtifactUpdatesItsFunction() throws Exception {
        deploy("fleet", FLEET);
        cloud.journal.clear();
        Files.writeString(dir.resolve("fleet/target/app.jar"), "rebuilt code");
        deploy("fleet", FLEET);
        assertThat(cloud.journal).containsExactly("lambda:delete fleet-RequestUnicorn", "lambda:create fleet-RequestUnicorn");
    }

    @Test
    void aFailedUpdateRestoresThePreviousState() {
        Stack before = deploy("fleet", FLEET);
        cloud.dynamodb.failCreating = "broken-table";
        assertThatThrownBy(() -> deploy("fleet", FLEET
                .replace("DDB_TABLE_NAME: !Ref UnicornsTable", "DDB_TABLE_NAME: !Ref UnicornsTable, MODE: fast")
                .replace("Outputs:", """
                          Broken:
                            Type: AWS::DynamoDB::Table
                            DependsOn: RequestUnicorn
                            Properties:
                              TableName: broken-table
                              BillingMode: PAY_PER_REQUEST
                              AttributeDefinitions: [{AttributeName: Id, AttributeType: S}]
                              KeySchema: [{AttributeName: Id, KeyType: HASH}]
                        Outputs:""".stripIndent())))
                .isInstanceOf(DeployFailedException.class)
                .hasMessageContaining("resource Broken (AWS::DynamoDB::Table) failed to create")
                .hasMessageContaining("Rolled back: restored RequestUnicorn");
        assertThat(cloud.lambda.function("fleet-RequestUnicorn").orElseThrow().environment()).doesNotContainKey("MODE");
        Stack after = cloud.cloudFormation.stack("fleet").orElseThrow();
        assertThat(after.status()).isEqualTo(StackStatus.UPDATE_ROLLBACK_COMPLETE);
        assertThat(after.resources()).isEqualTo(before.resources());
    }

    @Test
    void teardownDeletesEverythingInReverseOrder() {
        Stack stack = deploy("fleet", FLEET);
        cloud.journal.clear();
        cloud.cloudFormation.delete("fleet");
        String apiId = stack.resource("ServerlessRestApi").orElseThrow().physicalId();
        assertThat(cloud.journal).containsExactly(
                "apigateway:delete " + apiId,
                "ssm:DeleteParameter /fleet/dev/Url",
                "lambda:delete fleet-RequestUnicorn",
                "dynamodb:DeleteTable " + stack.resource("UnicornsTable").orElseThrow().physicalId());
        assertThat(cloud.cloudFormation.stacks()).isEmpty();
        assertThat(cloud.cloudFormation.rolePolicies()).isEmpty();
        cloud.cloudFormation.delete("fleet");
        cloud.cloudFormation.delete("never-deployed");
    }

    @Test
    void teardownGoesOnWhenAResourceIsAlreadyGone() {
        Stack stack = deploy("fleet", FLEET);
        cloud.dynamodb.tables.clear();
        cloud.ssm.parameters.clear();
        cloud.cloudFormation.delete("fleet");
        assertThat(cloud.lambda.functions()).isEmpty();
        assertThat(cloud.apiGateway.apis()).isEmpty();
        assertThat(cloud.cloudFormation.stack(stack.name())).isEmpty();
    }

    @Test
    void stacksShareValuesThroughSsmTypedParametersAndExports() {
        deploy("fleet", FLEET);
        String consumer = """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  FleetUrl: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /fleet/dev/Url}
                Resources:
                  RequestRide:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: target/app.jar
                      Handler: h
                      Runtime: java21
                      Environment:
                        Variables: {FLEET_URL: !Ref FleetUrl, IMPORTED: !ImportValue fleet-url}
                """;
        deploy("rides", consumer);
        String apiId = cloud.cloudFormation.stack("fleet").orElseThrow().resource("ServerlessRestApi").orElseThrow().physicalId();
        String url = cloud.edge.url() + "/restapis/" + apiId + "/Prod/unicorn";
        assertThat(cloud.lambda.function("rides-RequestRide").orElseThrow().environment())
                .isEqualTo(Map.of("FLEET_URL", url, "IMPORTED", url));
        assertThatThrownBy(() -> deploy("copy", FLEET.replace("Name: !Sub /fleet/${Stage}/Url", "Name: other")
                .replace("!Sub '${AWS::StackName}-url'", "fleet-url")))
                .hasMessageContaining("Export with name fleet-url is already exported by stack fleet");
    }

    @Test
    void anSsmTypedParameterThatNoStackPublishedFailsBeforeAnythingIsCreated() {
        assertThatThrownBy(() -> deploy("rides", """
                Parameters:
                  RecordUrl: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /record/dev/Url}
                Resources:
                  P: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: !Ref RecordUrl}}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("rides/template.yaml: Parameter 'RecordUrl'")
                .hasMessageContaining("/record/dev/Url, which does not exist: another stack must publish it first");
        assertThat(cloud.journal).isEmpty();
    }

    @Test
    void executeApiUrlsOfApisThatAreNotLocalStayAsTheyAre() {
        deploy("ext", """
                Resources:
                  P: {Type: AWS::SSM::Parameter, Properties: {Name: p, Type: String,
                      Value: 'https://abcdefghij.execute-api.us-east-1.amazonaws.com/Prod/x'}}
                """);
        assertThat(cloud.ssm.parameters).containsEntry("p", "https://abcdefghij.execute-api.us-east-1.amazonaws.com/Prod/x");
    }

    @Test
    void rolePoliciesHoldEachRolesResolvedStatements() {
        Stack stack = deploy("fleet", FLEET);
        String table = stack.resource("UnicornsTable").orElseThrow().physicalId();
        List<PolicyStatement> statements = cloud.cloudFormation.rolePolicies().get("arn:aws:iam::000000000000:role/fleet-RequestUnicornRole");
        assertThat(statements).containsExactly(
                new PolicyStatement("Allow", List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"), List.of("*"),
                        Map.of(), "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
                new PolicyStatement("Allow", List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem",
                        "dynamodb:DescribeTable"), List.of("arn:aws:dynamodb:us-east-1:000000000000:table/" + table,
                        "arn:aws:dynamodb:us-east-1:000000000000:table/" + table + "/index/*"), Map.of(), "RequestUnicornRolePolicy0"));
    }

    @Test
    void unsupportedTypesAndPropertiesAreRefusedWithWhatIsSupported() {
        assertThatThrownBy(() -> deploy("bad", "Resources: {Bucket: {Type: AWS::S3::Bucket}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("bad/template.yaml: resource Bucket has the type AWS::S3::Bucket, which local-cloud does not support;"
                        + " supported types: AWS::ApiGateway::Deployment, AWS::ApiGateway::RestApi, AWS::ApiGateway::Stage,"
                        + " AWS::CloudFormation::CustomResource, AWS::DynamoDB::Table, AWS::IAM::Role, AWS::Lambda::Alias,"
                        + " AWS::Lambda::EventInvokeConfig, AWS::Lambda::Function, AWS::Lambda::Permission, AWS::Lambda::Version,"
                        + " AWS::SSM::Parameter, AWS::Serverless::Function, AWS::Serverless::SimpleTable, Custom::<Name>");
        assertThatThrownBy(() -> deploy("bad", """
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties: {KeySchema: [], AttributeDefinitions: [], TimeToLiveSpecification: {Enabled: true}}
                """))
                .hasMessage("bad/template.yaml: resource T (AWS::DynamoDB::Table) has the property TimeToLiveSpecification, which"
                        + " local-cloud does not support; supported properties: AttributeDefinitions, BillingMode,"
                        + " GlobalSecondaryIndexes, KeySchema, LocalSecondaryIndexes, ProvisionedThroughput, StreamSpecification,"
                        + " TableName, Tags");
        assertThat(cloud.journal).isEmpty();
    }

    @Test
    void referencesAreCheckedBeforeAnythingIsCreated() {
        assertThatThrownBy(() -> deploy("refs", "Resources: {P: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: !Ref Nope}}}"))
                .hasMessage("refs/template.yaml: resource P (AWS::SSM::Parameter) refers to Nope, which is not a parameter or resource"
                        + " of the template (Unresolved resource dependencies [Nope] in the Resources block of the template)");
        assertThatThrownBy(() -> deploy("refs", """
                Resources:
                  A: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: a}}
                  B: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: !GetAtt A.Arn}}
                """))
                .hasMessage("refs/template.yaml: resource B (AWS::SSM::Parameter): Template error: resource A does not support attribute"
                        + " type Arn in Fn::GetAtt; AWS::SSM::Parameter has the attributes Type, Value");
        assertThatThrownBy(() -> deploy("refs", """
                Conditions: {Never: !Equals [a, b]}
                Resources:
                  A: {Type: AWS::SSM::Parameter, Condition: Never, Properties: {Type: String, Value: a}}
                  B: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: !Ref A}}
                """))
                .hasMessageContaining("resource B (AWS::SSM::Parameter) refers to A, which is not created because its condition Never is false");
        assertThatThrownBy(() -> deploy("refs", "Resources: {A: {Type: AWS::SSM::Parameter, DependsOn: Ghost, Properties: {Type: String, Value: a}}}"))
                .hasMessageContaining("DependsOn names Ghost, but the template has no such resource");
        assertThatThrownBy(() -> deploy("refs", """
                Resources:
                  A: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: !Ref A}}
                """))
                .hasMessageContaining("resource A (AWS::SSM::Parameter) refers to itself");
        assertThat(cloud.journal).isEmpty();
    }

    @Test
    void unsupportedFunctionsAndUndefinedConditionsAreRefusedBeforeAnythingIsCreated() {
        assertThatThrownBy(() -> deploy("fn", """
                Resources:
                  A: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: ok}}
                  B: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: !Select [0, !Cidr [10.0.0.0/16, 2, 8]]}}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("fn/template.yaml: resource B (AWS::SSM::Parameter): the intrinsic function Fn::Cidr is not"
                        + " supported by local-cloud; supported functions: ");
        assertThatThrownBy(() -> deploy("fn", """
                Resources:
                  A: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: ok}}
                Outputs:
                  O: {Value: !If [Missing, a, b]}
                """))
                .hasMessage("fn/template.yaml: output O: Fn::If names the condition Missing, which is not defined in the Conditions section");
        assertThat(cloud.journal).isEmpty();
    }

    @Test
    void aDependencyCycleIsNamed() {
        assertThatThrownBy(() -> deploy("cycle", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fleet:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: target/app.jar
                      Handler: h
                      Runtime: java21
                      Environment: {Variables: {SELF: !Sub 'https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod'}}
                      Events: {Get: {Type: Api, Properties: {Path: /x, Method: get}}}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("cycle/template.yaml: Circular dependency between resources: Fleet -> ServerlessRestApi -> Fleet");
    }

    @Test
    void aDeployThatFailsWhileResolvingNamesTheProperty() {
        assertThatThrownBy(() -> deploy("sel", """
                Resources:
                  A: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: !Select [3, [a, b]]}}
                """))
                .isInstanceOf(DeployFailedException.class)
                .hasMessage("sel (sel/template.yaml): resource A (AWS::SSM::Parameter) failed to create: Value (Fn::Select):"
                        + " Fn::Select cannot select nonexistent value at index 3 (the list has 2 values)");
    }

    @Test
    void refusesInvalidStackNames() {
        assertThatThrownBy(() -> cloud.cloudFormation.deploy("1-bad_name", dir.resolve("x.yaml"), Map.of()))
                .hasMessageContaining("Stack name 1-bad_name is not valid");
    }

    @Test
    void lambdaExtrasBecomeTheFunctionsAsyncConfig() {
        deploy("async", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Record:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: target/app.jar
                      Handler: h
                      Runtime: java21
                      AutoPublishAlias: live
                      EventInvokeConfig:
                        MaximumRetryAttempts: 1
                        MaximumEventAgeInSeconds: 600
                        DestinationConfig: {OnFailure: {Type: SQS, Destination: arn:aws:sqs:us-east-1:000000000000:failed}}
                Outputs:
                  Alias: {Value: !Ref RecordAliaslive}
                  Version: {Value: !Ref Record.Version}
                """);
        Stack stack = cloud.cloudFormation.stack("async").orElseThrow();
        assertThat(cloud.lambda.function("async-Record").orElseThrow().async())
                .isEqualTo(new AsyncConfig(1, 600, "arn:aws:sqs:us-east-1:000000000000:failed"));
        assertThat(stack.outputs()).containsEntry("Alias", "arn:aws:lambda:us-east-1:000000000000:function:async-Record:live")
                .containsEntry("Version", "arn:aws:lambda:us-east-1:000000000000:function:async-Record:1");

        deploy("dlq", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Record:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: target/app.jar
                      Handler: h
                      Runtime: java21
                      DeadLetterQueue: {Type: SQS, TargetArn: arn:aws:sqs:us-east-1:000000000000:dlq}
                      Tracing: Active
                """);
        assertThat(cloud.lambda.function("dlq-Record").orElseThrow().async())
                .isEqualTo(new AsyncConfig(2, 21600, "arn:aws:sqs:us-east-1:000000000000:dlq"));
    }
}
