package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.cloudformation.PolicyStatement;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.wildrydes.localcloud.iam.Decision.ALLOWED;
import static com.wildrydes.localcloud.iam.Decision.EXPLICITLY_DENIED;
import static com.wildrydes.localcloud.iam.Decision.IMPLICITLY_DENIED;
import static org.assertj.core.api.Assertions.assertThat;

/** Identity-policy evaluation: explicit Deny wins, then any Allow, else implicit deny. */
class RolePolicyTest {

    private static final String ACCOUNT = "000000000000";
    private static final String TABLE = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/Rides";
    private static final String TOPIC = "arn:aws:sns:us-east-1:" + ACCOUNT + ":rides";
    private static final RoleSession SESSION = new RoleSession("arn:aws:iam::" + ACCOUNT + ":role/rides-RequestRideRole", "rides-RequestRide");

    private final List<String> unsupported = new ArrayList<>();

    private static PolicyStatement allow(List<String> actions, List<String> resources) {
        return new PolicyStatement("Allow", actions, resources, Map.of(), "RequestRideRolePolicy0");
    }

    private static PolicyStatement deny(List<String> actions, List<String> resources) {
        return new PolicyStatement("Deny", actions, resources, Map.of(), "RequestRideRolePolicy1");
    }

    private RolePolicy policy(PolicyStatement... statements) {
        return new RolePolicy(List.of(statements), (statement, reason) -> unsupported.add(statement.source() + ": " + reason));
    }

    private static Decision decide(RolePolicy policy, String action, String resource) {
        return policy.decide(action.toLowerCase(java.util.Locale.ROOT), resource,
                policy.needsContext() ? CallContext.of("us-east-1", SESSION) : Map.of());
    }

    @Test
    void withoutStatementsEverythingIsImplicitlyDenied() {
        assertThat(decide(policy(), "dynamodb:GetItem", TABLE)).isEqualTo(IMPLICITLY_DENIED);
    }

    @Test
    void anAllowGrantsExactlyItsActionsOnItsResources() {
        RolePolicy policy = policy(allow(List.of("dynamodb:PutItem"), List.of(TABLE)));
        assertThat(decide(policy, "dynamodb:PutItem", TABLE)).isEqualTo(ALLOWED);
        assertThat(decide(policy, "dynamodb:GetItem", TABLE)).isEqualTo(IMPLICITLY_DENIED);
        assertThat(decide(policy, "dynamodb:PutItem", TABLE + "2")).isEqualTo(IMPLICITLY_DENIED);
        assertThat(decide(policy, "dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/rides"))
                .as("resources compare case-sensitively").isEqualTo(IMPLICITLY_DENIED);
    }

    @Test
    void actionsCompareCaseInsensitivelyWithWildcards() {
        RolePolicy policy = policy(allow(List.of("DynamoDB:get*", "sns:PUBLISH"), List.of("*")));
        assertThat(decide(policy, "dynamodb:GetItem", TABLE)).isEqualTo(ALLOWED);
        assertThat(decide(policy, "sns:Publish", TOPIC)).isEqualTo(ALLOWED);
        assertThat(decide(policy, "dynamodb:PutItem", TABLE)).isEqualTo(IMPLICITLY_DENIED);
    }

    @Test
    void anExplicitDenyWinsOverAnyAllowWhateverTheOrder() {
        PolicyStatement everything = allow(List.of("*"), List.of("*"));
        PolicyStatement noDeletes = deny(List.of("dynamodb:Delete*"), List.of(TABLE));
        for (RolePolicy policy : List.of(policy(everything, noDeletes), policy(noDeletes, everything))) {
            assertThat(decide(policy, "dynamodb:DeleteItem", TABLE)).isEqualTo(EXPLICITLY_DENIED);
            assertThat(decide(policy, "dynamodb:DeleteTable", TABLE)).isEqualTo(EXPLICITLY_DENIED);
            assertThat(decide(policy, "dynamodb:PutItem", TABLE)).isEqualTo(ALLOWED);
            assertThat(decide(policy, "dynamodb:DeleteItem", TABLE + "Archive")).isEqualTo(ALLOWED);
        }
    }

    @Test
    void aDenyThatMatchesNothingLeavesTheDecisionToTheAllows() {
        RolePolicy policy = policy(deny(List.of("sns:Publish"), List.of(TOPIC)));
        assertThat(decide(policy, "sns:Subscribe", TOPIC)).isEqualTo(IMPLICITLY_DENIED);
    }

    /** The statements SAM's policy templates become, as the CloudFormation engine resolves them for a function role. */
    @Test
    void samPolicyTemplatesGrantWhatAwsGrants() {
        RolePolicy policy = policy(
                new PolicyStatement("Allow", List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"), List.of("*"),
                        Map.of(), "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
                // DynamoDBCrudPolicy: {TableName: Rides}
                allow(List.of("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query",
                        "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable",
                        "dynamodb:ConditionCheckItem"), List.of(TABLE, TABLE + "/index/*")),
                // SNSPublishMessagePolicy: {TopicName: rides}
                allow(List.of("sns:Publish"), List.of(TOPIC)),
                // LambdaInvokePolicy: {FunctionName: fleet-RequestUnicorn}
                allow(List.of("lambda:InvokeFunction"), List.of("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:fleet-RequestUnicorn*")),
                // SQSSendMessagePolicy: {QueueName: rides-dlq}
                allow(List.of("sqs:SendMessage*"), List.of("arn:aws:sqs:us-east-1:" + ACCOUNT + ":rides-dlq")),
                // SSMParameterReadPolicy: {ParameterName: wild-rydes/dev/*}
                allow(List.of("ssm:DescribeParameters"), List.of("*")),
                allow(List.of("ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"),
                        List.of("arn:aws:ssm:us-east-1:" + ACCOUNT + ":parameter/wild-rydes/dev/*")));

        assertThat(decide(policy, "dynamodb:PutItem", TABLE)).isEqualTo(ALLOWED);
        assertThat(decide(policy, "dynamodb:Query", TABLE + "/index/ByUnicorn")).isEqualTo(ALLOWED);
        assertThat(decide(policy, "dynamodb:DeleteTable", TABLE)).isEqualTo(IMPLICITLY_DENIED);
        assertThat(decide(policy, "dynamodb:ListTables", "*")).isEqualTo(IMPLICITLY_DENIED);
        assertThat(decide(policy, "sns:Publish", TOPIC)).isEqualTo(ALLOWED);
        assertThat(decide(policy, "sns:Publish", TOPIC + "-audit")).isEqualTo(IMPLICITLY_DENIED);
        assertThat(decide(policy, "sns:Subscribe", TOPIC)).isEqualTo(IMPLICITLY_DENIED);
        assertThat(decide(policy, "lambda:InvokeFunction", "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:fleet-RequestUnicorn"))
                .isEqualTo(ALLOWED);
        assertThat(decide(policy, "lambda:InvokeFunction", "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:fleet-RequestUnicorn:live"))
                .isEqualTo(ALLOWED);
        assertThat(decide(policy, "lambda:InvokeFunction", "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:fleet-LoadTable"))
                .isEqualTo(IMPLICITLY_DENIED);
        assertThat(decide(policy, "lambda:GetFunction", "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:fleet-RequestUnicorn"))
                .isEqualTo(IMPLICITLY_DENIED);
        assertThat(decide(policy, "sqs:SendMessage", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":rides-dlq")).isEqualTo(ALLOWED);
        assertThat(decide(policy, "sqs:ReceiveMessage", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":rides-dlq")).isEqualTo(IMPLICITLY_DENIED);
        assertThat(decide(policy, "ssm:GetParameter", "arn:aws:ssm:us-east-1:" + ACCOUNT + ":parameter/wild-rydes/dev/RidesTopicArn"))
                .isEqualTo(ALLOWED);
        assertThat(decide(policy, "ssm:GetParameter", "arn:aws:ssm:us-east-1:" + ACCOUNT + ":parameter/wild-rydes/prod/RidesTopicArn"))
                .isEqualTo(IMPLICITLY_DENIED);
        assertThat(decide(policy, "ssm:PutParameter", "arn:aws:ssm:us-east-1:" + ACCOUNT + ":parameter/wild-rydes/dev/RidesTopicArn"))
                .isEqualTo(IMPLICITLY_DENIED);
        assertThat(unsupported).isEmpty();
    }

    @Test
    void conditionsOnTheKeysOfAFunctionsCallAreEvaluated() {
        RolePolicy policy = policy(
                new PolicyStatement("Allow", List.of("sns:Publish"), List.of("*"),
                        Map.of("StringEquals", Map.of("aws:RequestedRegion", List.of("eu-west-1", "us-east-1"))), "regional"),
                new PolicyStatement("Deny", List.of("sns:Publish"), List.of("*"),
                        Map.of("ArnNotLike", Map.of("aws:PrincipalArn", "arn:aws:iam::*:role/rides-*")), "only-rides-roles"),
                new PolicyStatement("Allow", List.of("dynamodb:GetItem"), List.of("*"),
                        Map.of("StringEqualsIfExists", Map.of("aws:RequestedRegion", "eu-west-1")), "elsewhere"),
                new PolicyStatement("Deny", List.of("dynamodb:PutItem"), List.of("*"),
                        Map.of("Bool", Map.of("aws:SecureTransport", "false")), "tls-only"));
        assertThat(policy.needsContext()).isTrue();
        assertThat(decide(policy, "sns:Publish", TOPIC)).isEqualTo(ALLOWED);
        assertThat(decide(policy, "dynamodb:GetItem", TABLE)).as("the region does not match").isEqualTo(IMPLICITLY_DENIED);
        assertThat(decide(policy, "dynamodb:PutItem", TABLE)).as("the edge is plain HTTP").isEqualTo(EXPLICITLY_DENIED);

        RolePolicy otherRole = new RolePolicy(List.of(
                new PolicyStatement("Allow", List.of("sns:Publish"), List.of("*"), Map.of(), "all"),
                new PolicyStatement("Deny", List.of("sns:Publish"), List.of("*"),
                        Map.of("ArnNotLike", Map.of("aws:PrincipalArn", "arn:aws:iam::*:role/fleet-*")), "only-fleet-roles")),
                (statement, reason) -> unsupported.add(reason));
        assertThat(otherRole.decide("sns:publish", TOPIC, CallContext.of("us-east-1", SESSION))).isEqualTo(EXPLICITLY_DENIED);
        assertThat(unsupported).isEmpty();
    }

    @Test
    void aConditionLocalCloudCannotEvaluateIsReportedAndTheStatementNeverApplies() {
        RolePolicy policy = policy(
                new PolicyStatement("Allow", List.of("dynamodb:GetItem"), List.of(TABLE),
                        Map.of("ForAllValues:StringEquals", Map.of("dynamodb:LeadingKeys", List.of("a"))), "leading-keys"),
                new PolicyStatement("Allow", List.of("dynamodb:PutItem"), List.of(TABLE),
                        Map.of("StringEquals", Map.of("aws:SourceVpce", "vpce-1")), "vpce"),
                new PolicyStatement("Deny", List.of("dynamodb:*"), List.of("*"),
                        Map.of("IpAddress", Map.of("aws:SourceIp", "10.0.0.0/8")), "ip"));
        assertThat(decide(policy, "dynamodb:GetItem", TABLE)).isEqualTo(IMPLICITLY_DENIED);
        assertThat(decide(policy, "dynamodb:PutItem", TABLE)).isEqualTo(IMPLICITLY_DENIED);
        assertThat(unsupported).hasSize(3);
        assertThat(unsupported.get(0)).startsWith("leading-keys: the condition operator ForAllValues:StringEquals (supported: ArnEquals,");
        assertThat(unsupported.get(1)).startsWith("vpce: the condition key aws:SourceVpce (supported: aws:PrincipalAccount,");
        assertThat(unsupported.get(2)).startsWith("ip: the condition operator IpAddress");
    }

    @Test
    void refusalsAreWordedAsAwsWordsThem() {
        assertThat(IamAuthorizer.message(SESSION, "dynamodb:PutItem", TABLE, IMPLICITLY_DENIED)).isEqualTo(
                "User: arn:aws:sts::000000000000:assumed-role/rides-RequestRideRole/rides-RequestRide is not authorized to perform:"
                        + " dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table/Rides because no identity-based"
                        + " policy allows the dynamodb:PutItem action");
        assertThat(IamAuthorizer.message(SESSION, "SNS:Publish", TOPIC, EXPLICITLY_DENIED)).isEqualTo(
                "User: arn:aws:sts::000000000000:assumed-role/rides-RequestRideRole/rides-RequestRide is not authorized to perform:"
                        + " SNS:Publish on resource: arn:aws:sns:us-east-1:000000000000:rides with an explicit deny in an identity-based"
                        + " policy");
    }

    @Test
    void aRoleSessionIsNamedAsStsNamesIt() {
        RoleSession withPath = new RoleSession("arn:aws:iam::123456789012:role/service-role/fleet-Role", "fleet-RequestUnicorn");
        assertThat(withPath.roleName()).isEqualTo("fleet-Role");
        assertThat(withPath.accountId()).isEqualTo("123456789012");
        assertThat(withPath.assumedRoleArn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/fleet-Role/fleet-RequestUnicorn");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RoleSession("arn:aws:iam::1:user/bob", "f"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a role ARN: arn:aws:iam::1:user/bob");
        assertThat(RoleSession.of(withPath.roleArn(), "fleet-RequestUnicorn")).contains(withPath);
        assertThat(RoleSession.of(null, "fleet-RequestUnicorn")).as("a function created without a role").isEmpty();
        assertThat(RoleSession.of("arn:aws:iam::1:user/bob", "f")).isEmpty();
        assertThat(RoleSession.of("fleet-Role", "f")).isEmpty();
    }
}
