package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.cloudformation.PolicyStatement;
import com.wildrydes.localcloud.http.AwsRequest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures what the authorizer adds to each AWS call, in process (no HTTP), wired as LocalCloud
 * wires it: the role's statements come from CloudFormation's role store. Not a test: run it by
 * hand with the test classpath, e.g. {@code java -cp ... AuthorizerThroughput [iterations]}.
 */
public final class AuthorizerThroughput {

    private AuthorizerThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        Path dir = Files.createTempDirectory("iam-throughput");
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/app.jar"), "stand-in");
        try (LocalServices cloud = new LocalServices()) {
            cloud.cloudFormation.deploy("rides", Files.writeString(dir.resolve("template.yaml"), """
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Rides:
                        Type: AWS::DynamoDB::Table
                        Properties:
                          BillingMode: PAY_PER_REQUEST
                          KeySchema: [{AttributeName: RideId, KeyType: HASH}]
                          AttributeDefinitions: [{AttributeName: RideId, AttributeType: S}]
                      RidesTopic:
                        Type: AWS::SNS::Topic
                      Rider:
                        Type: AWS::Serverless::Function
                        Properties:
                          Runtime: java21
                          CodeUri: target/app.jar
                          Handler: example.Handler::handleRequest
                          Policies:
                            - Statement:
                                - {Effect: Allow, Action: dynamodb:PutItem, Resource: !GetAtt Rides.Arn}
                                - {Effect: Allow, Action: sns:Publish, Resource: !Ref RidesTopic}
                    """), Map.of());
            String table = cloud.cloudFormation.stack("rides").orElseThrow().resource("Rides").orElseThrow().physicalId();
            String topic = cloud.cloudFormation.stack("rides").orElseThrow().resource("RidesTopic").orElseThrow().physicalId();
            cloud.keys.put("ASIARIDER00000000001", "rides-Rider");

            String ride = "{\"TableName\":\"" + table + "\",\"Item\":{\"RideId\":{\"S\":\"3c1d7a52-1f7e-4c2b-9a1e-7b6d2f0c9e11\"},"
                    + "\"Unicorn\":{\"M\":{\"Name\":{\"S\":\"Shadowfax\"},\"Color\":{\"S\":\"White\"},\"DeviceId\":{\"S\":\"d-1\"}}},"
                    + "\"RequestTime\":{\"S\":\"2026-11-27T09:41:07.123Z\"},"
                    + "\"PickupLocation\":{\"M\":{\"Latitude\":{\"N\":\"47.6\"},\"Longitude\":{\"N\":\"-122.3\"}}}},"
                    + "\"ConditionExpression\":\"attribute_not_exists(RideId)\"}";
            AwsRequest cliPut = dynamodb("test", "PutItem", ride);
            AwsRequest functionPut = dynamodb("ASIARIDER00000000001", "PutItem", ride);
            AwsRequest functionPublish = new AwsRequest("sns", "us-east-1", "ASIARIDER00000000001", "POST", "/", null,
                    Map.of("content-type", List.of("application/x-www-form-urlencoded")),
                    ("Action=Publish&TopicArn=" + java.net.URLEncoder.encode(topic, StandardCharsets.UTF_8)
                            + "&Message=" + java.net.URLEncoder.encode(ride, StandardCharsets.UTF_8) + "&Version=2010-03-31")
                            .getBytes(StandardCharsets.UTF_8));
            AwsRequest functionRefused = dynamodb("ASIARIDER00000000001", "GetItem",
                    "{\"TableName\":\"" + table + "\",\"Key\":{\"RideId\":{\"S\":\"r\"}}}");

            // the same statements from a plain map, to show what the role store's snapshot per call costs
            Map<String, List<PolicyStatement>> roles = cloud.cloudFormation.rolePolicies();
            IamAuthorizer direct = new IamAuthorizer(
                    key -> key.equals("ASIARIDER00000000001")
                            ? Optional.of(new RoleSession("arn:aws:iam::000000000000:role/rides-RiderRole", "rides-Rider")) : Optional.empty(),
                    role -> Optional.ofNullable(roles.get(role)), "us-east-1", "000000000000");

            for (int round = 0; round < 3; round++) {
                System.out.println("round " + (round + 1));
                measure("CLI key, PutItem (not a function)", cloud.authorizer, cliPut, iterations, false);
                measure("function, PutItem allowed", cloud.authorizer, functionPut, iterations, false);
                measure("function, PutItem allowed, statements from a map", direct, functionPut, iterations, false);
                measure("function, SNS Publish allowed", cloud.authorizer, functionPublish, iterations, false);
                measure("function, GetItem refused", cloud.authorizer, functionRefused, iterations / 4, true);
            }
        }
    }

    private static AwsRequest dynamodb(String key, String operation, String body) {
        return new AwsRequest("dynamodb", "us-east-1", key, "POST", "/", null,
                Map.of("x-amz-target", List.of("DynamoDB_20120810." + operation)), body.getBytes(StandardCharsets.UTF_8));
    }

    private static void measure(String name, IamAuthorizer authorizer, AwsRequest request, int iterations, boolean refused) {
        long start = System.nanoTime();
        int refusals = 0;
        for (int i = 0; i < iterations; i++) {
            if (authorizer.refuse(request).isPresent()) {
                refusals++;
            }
        }
        long elapsed = System.nanoTime() - start;
        if (refusals != (refused ? iterations : 0)) {
            throw new AssertionError(name + ": " + refusals + " refusals in " + iterations + " calls");
        }
        System.out.printf("  %-50s %8.0f ns/op%n", name, (double) elapsed / iterations);
    }
}
