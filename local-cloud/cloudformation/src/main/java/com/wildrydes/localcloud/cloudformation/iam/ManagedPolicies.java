package com.wildrydes.localcloud.cloudformation.iam;

import com.wildrydes.localcloud.cloudformation.PolicyStatement;
import com.wildrydes.localcloud.cloudformation.resources.ProvisioningException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The AWS managed policies a function role may attach, with their statements, so that a role's
 * permissions are known locally. A name or ARN outside this list is refused with the list.
 */
public final class ManagedPolicies {

    private static final String LOGS = "logs:";

    private static final Map<String, List<Allow>> POLICIES = Map.of(
            "service-role/AWSLambdaBasicExecutionRole",
            List.of(new Allow(List.of(LOGS + "CreateLogGroup", LOGS + "CreateLogStream", LOGS + "PutLogEvents"))),
            "service-role/AWSLambdaSQSQueueExecutionRole",
            List.of(new Allow(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                    LOGS + "CreateLogGroup", LOGS + "CreateLogStream", LOGS + "PutLogEvents"))),
            "service-role/AWSLambdaDynamoDBExecutionRole",
            List.of(new Allow(List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
                    "dynamodb:ListStreams", LOGS + "CreateLogGroup", LOGS + "CreateLogStream", LOGS + "PutLogEvents"))),
            "service-role/AWSLambdaRole",
            List.of(new Allow(List.of("lambda:InvokeFunction"))),
            "AWSXRayDaemonWriteAccess",
            List.of(new Allow(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
                    "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"))),
            "AmazonSSMReadOnlyAccess",
            List.of(new Allow(List.of("ssm:Describe*", "ssm:Get*", "ssm:List*"))),
            "AmazonSNSFullAccess",
            List.of(new Allow(List.of("sns:*"))),
            "AmazonSQSFullAccess",
            List.of(new Allow(List.of("sqs:*"))));

    private record Allow(List<String> actions) {
    }

    private ManagedPolicies() {
    }

    public static final String BASIC_EXECUTION_ROLE = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    /** The ARN for a policy given by name ({@code AWSLambdaRole}) or ARN; empty when not in the catalogue. */
    public static Optional<String> arn(String nameOrArn) {
        for (String path : POLICIES.keySet()) {
            String arn = "arn:aws:iam::aws:policy/" + path;
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (nameOrArn.equals(arn) || nameOrArn.equals(name)) {
                return Optional.of(arn);
            }
        }
        return Optional.empty();
    }

    public static List<PolicyStatement> statements(String arn) {
        String path = arn.startsWith("arn:aws:iam::aws:policy/") ? arn.substring("arn:aws:iam::aws:policy/".length()) : arn;
        List<Allow> allows = POLICIES.get(path);
        if (allows == null) {
            throw new ProvisioningException("the managed policy " + arn + " is not known to local-cloud; supported managed policies: "
                    + supported());
        }
        return allows.stream().map(a -> new PolicyStatement("Allow", a.actions(), List.of("*"), Map.of(), arn)).toList();
    }

    public static String supported() {
        return String.join(", ", new TreeSet<>(POLICIES.keySet().stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).toList()));
    }
}
