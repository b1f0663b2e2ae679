package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.cloudformation.template.TemplateReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every policy in every stage's templates grants least privilege: actions are named, never
 * wildcarded; resources are named wherever the action allows it; no broad managed policies.
 */
class StagePoliciesLeastPrivilegeTest {

    private static final Path REPOSITORY = Path.of("../..");
    private static final Pattern STAGE = Pattern.compile("\\d\\d-.+");
    /** SAM attaches it to every function role; it only lets the function write its own logs. */
    private static final Set<String> ACCEPTED_MANAGED = Set.of("AWSLambdaBasicExecutionRole",
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    /** Actions IAM authorizes only on {@code *}: no resource can be named for them. */
    private static final Set<String> ONLY_ON_ANY_RESOURCE = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
            "xray:GetSamplingRules", "xray:GetSamplingTargets", "cloudwatch:PutMetricData", "ssm:DescribeParameters",
            "sns:ListTopics", "sqs:ListQueues", "lambda:ListFunctions", "dynamodb:ListTables");
    /** {@code *}, {@code table/*}, {@code function:*}: every resource of a type rather than a named one. */
    private static final Pattern EVERY_RESOURCE = Pattern.compile(
            "((table|function|parameter|secret|key|alias|role|policy|layer|log-group|rule|event-bus|stateMachine)[/:])?\\*");

    @TempDir
    Path dir;

    @Test
    void everyPolicyInEveryStageIsLeastPrivilege() throws IOException {
        List<Path> templates;
        try (Stream<Path> stages = Files.list(REPOSITORY)) {
            templates = stages.filter(p -> STAGE.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))
                    .flatMap(StagePoliciesLeastPrivilegeTest::templatesOf)
                    .sorted()
                    .toList();
        }
        assumeTrue(!templates.isEmpty(), "no stage folders in this checkout");
        List<String> findings = new ArrayList<>();
        int policies = 0;
        for (Path template : templates) {
            Check check = check(template);
            findings.addAll(check.findings());
            policies += check.statements();
        }
        assertThat(policies).as("statements checked in " + templates).isGreaterThanOrEqualTo(templates.size());
        assertThat(findings).as("least-privilege findings").isEmpty();
    }

    @Test
    void theCheckFindsEveryKindOfBroadGrant() throws IOException {
        Path template = Files.writeString(dir.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Broad:
                    Type: AWS::Serverless::Function
                    Properties:
                      Policies:
                        - AmazonSNSFullAccess
                        - DynamoDBCrudPolicy: {TableName: "*"}
                        - Statement:
                            - Effect: Allow
                              Action: [sns:*, dynamodb:PutItem]
                              Resource: !GetAtt Table.Arn
                            - Effect: Allow
                              Action: dynamodb:GetItem
                              Resource: "*"
                            - Effect: Allow
                              Action: lambda:InvokeFunction
                              Resource: !Sub arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:*
                            - Effect: Allow
                              NotAction: iam:*
                              Resource: arn:aws:sqs:us-east-1:000000000000:q
                            - Effect: Allow
                              Action: [ssm:DescribeParameters, xray:PutTraceSegments]
                              Resource: "*"
                            - Effect: Deny
                              Action: "*"
                              Resource: "*"
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonSQSFullAccess]
                      Policies:
                        - PolicyName: p
                          PolicyDocument:
                            Statement:
                              - {Effect: Allow, Action: "s3:Get*", Resource: "arn:aws:s3:::bucket/*"}
                """);
        assertThat(check(template).findings()).containsExactly(
                "template.yaml: Broad: the managed policy AmazonSNSFullAccess grants far more than the function needs; name its actions and resources",
                "template.yaml: Broad: DynamoDBCrudPolicy's TableName is *; name the resource",
                "template.yaml: Broad: the action sns:* has a wildcard; name each action",
                "template.yaml: Broad: dynamodb:GetItem is granted on *; name the resource",
                "template.yaml: Broad: lambda:InvokeFunction is granted on arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:*; name the resource",
                "template.yaml: Broad: NotAction grants everything it does not list; name the actions",
                "template.yaml: Role: the managed policy arn:aws:iam::aws:policy/AmazonSQSFullAccess grants far more than the function needs;"
                        + " name its actions and resources",
                "template.yaml: Role: the action s3:Get* has a wildcard; name each action");
    }

    private static Stream<Path> templatesOf(Path stage) {
        try (Stream<Path> services = Files.list(stage)) {
            return services.map(service -> service.resolve("template.yaml")).filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Check(List<String> findings, int statements) {
    }

    @SuppressWarnings("unchecked")
    private static Check check(Path template) {
        Map<String, Object> root = TemplateReader.read(template);
        String name = REPOSITORY.toAbsolutePath().normalize().relativize(template.toAbsolutePath().normalize()).toString();
        if (name.startsWith("..")) {
            name = template.getFileName().toString();
        }
        List<String> findings = new ArrayList<>();
        int[] statements = {0};
        Map<String, Object> resources = (Map<String, Object>) root.getOrDefault("Resources", Map.of());
        Object globalPolicies = ((Map<String, Object>) ((Map<String, Object>) root.getOrDefault("Globals", Map.of()))
                .getOrDefault("Function", Map.of())).get("Policies");
        String prefix = name + ": ";
        if (globalPolicies != null) {
            checkSamPolicies(prefix + "Globals: ", globalPolicies, findings, statements);
        }
        resources.forEach((logicalId, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
            String where = prefix + logicalId + ": ";
            switch (String.valueOf(resource.get("Type"))) {
                case "AWS::Serverless::Function" -> {
                    if (properties.get("Policies") != null) {
                        checkSamPolicies(where, properties.get("Policies"), findings, statements);
                    }
                }
                case "AWS::IAM::Role" -> {
                    for (Object arn : list(properties.get("ManagedPolicyArns"))) {
                        checkManaged(where, arn, findings);
                    }
                    for (Object policy : list(properties.get("Policies"))) {
                        checkDocument(where, ((Map<String, Object>) policy).get("PolicyDocument"), findings, statements);
                    }
                }
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" ->
                        checkDocument(where, properties.get("PolicyDocument"), findings, statements);
                default -> {
                }
            }
        });
        return new Check(findings, statements[0]);
    }

    @SuppressWarnings("unchecked")
    private static void checkSamPolicies(String where, Object policies, List<String> findings, int[] statements) {
        for (Object entry : list(policies)) {
            if (entry instanceof String || entry instanceof Map<?, ?> map && map.size() == 1 && isIntrinsic(map)) {
                checkManaged(where, entry, findings);
            } else if (entry instanceof Map<?, ?> map && map.containsKey("Statement")) {
                checkDocument(where, map, findings, statements);
            } else if (entry instanceof Map<?, ?> map && map.size() == 1) {
                String template = (String) map.keySet().iterator().next();
                statements[0]++;
                if (map.get(template) instanceof Map<?, ?> parameters) {
                    parameters.forEach((parameter, value) -> {
                        if (value instanceof String text && text.contains("*")) {
                            findings.add(where + template + "'s " + parameter + " is " + text + "; name the resource");
                        }
                    });
                }
            }
        }
    }

    private static boolean isIntrinsic(Map<?, ?> map) {
        String key = String.valueOf(map.keySet().iterator().next());
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    private static void checkManaged(String where, Object policy, List<String> findings) {
        if (!(policy instanceof String name) || !ACCEPTED_MANAGED.contains(name)) {
            findings.add(where + "the managed policy " + policy + " grants far more than the function needs; name its actions and resources");
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkDocument(String where, Object document, List<String> findings, int[] statements) {
        for (Object item : list(((Map<String, Object>) document).get("Statement"))) {
            Map<String, Object> statement = (Map<String, Object>) item;
            statements[0]++;
            if (!"Allow".equals(statement.get("Effect"))) {
                continue;
            }
            if (statement.containsKey("NotAction")) {
                findings.add(where + "NotAction grants everything it does not list; name the actions");
            }
            if (statement.containsKey("NotResource")) {
                findings.add(where + "NotResource grants every resource it does not list; name the resources");
            }
            List<String> actions = list(statement.get("Action")).stream().map(String::valueOf).toList();
            actions.stream().filter(action -> action.contains("*") || action.contains("?"))
                    .forEach(action -> findings.add(where + "the action " + action + " has a wildcard; name each action"));
            boolean onlyAnyResourceActions = !actions.isEmpty() && ONLY_ON_ANY_RESOURCE.containsAll(actions);
            for (Object resource : list(statement.get("Resource"))) {
                String text = resourceText(resource);
                if (text != null && !onlyAnyResourceActions && everyResourceOfAType(text)) {
                    findings.add(where + String.join(", ", actions) + " is granted on " + text + "; name the resource");
                }
            }
        }
    }

    /** A literal resource, or the pattern of an {@code Fn::Sub}; intrinsics that name a resource ({@code Ref}, {@code GetAtt}) give null. */
    private static String resourceText(Object resource) {
        if (resource instanceof String text) {
            return text;
        }
        if (resource instanceof Map<?, ?> map && map.get("Fn::Sub") != null) {
            Object sub = map.get("Fn::Sub");
            return sub instanceof List<?> parts ? String.valueOf(parts.getFirst()) : String.valueOf(sub);
        }
        return null;
    }

    private static boolean everyResourceOfAType(String resource) {
        if (resource.equals("*")) {
            return true;
        }
        // ${AWS::Region} holds colons of its own; any value stands in for it
        String[] segments = resource.replaceAll("\\$\\{[^}]*}", "x").split(":", 6);
        return segments.length == 6 && EVERY_RESOURCE.matcher(segments[5]).matches();
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : value instanceof List<?> items ? items : List.of(value);
    }
}
