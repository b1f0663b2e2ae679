package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.apigateway.ApiGatewayService;
import com.wildrydes.localcloud.cloudformation.CloudFormation;
import com.wildrydes.localcloud.cloudformation.CloudFormationContext;
import com.wildrydes.localcloud.cloudformation.PolicyStatement;
import com.wildrydes.localcloud.dynamodb.DynamoDbService;
import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.LambdaService;
import com.wildrydes.localcloud.sns.SnsService;
import com.wildrydes.localcloud.sns.cloudformation.SnsEventSource;
import com.wildrydes.localcloud.sns.cloudformation.SnsSubscriptionProvisioner;
import com.wildrydes.localcloud.sns.cloudformation.SnsTopicPolicyProvisioner;
import com.wildrydes.localcloud.sns.cloudformation.SnsTopicProvisioner;
import com.wildrydes.localcloud.sqs.SqsService;
import com.wildrydes.localcloud.sqs.cloudformation.SqsQueuePolicyProvisioner;
import com.wildrydes.localcloud.sqs.cloudformation.SqsQueueProvisioner;
import com.wildrydes.localcloud.ssm.SsmService;
import com.wildrydes.localcloud.testing.AwsClients;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services, the CloudFormation engine and the edge wired as LocalCloud wires them, with the
 * authorizer installed. A function's real access key exists only inside its running JVM, so tests
 * name their own keys for functions in {@link #keys}; everything after the key (function, role,
 * statements) is looked up as LocalCloud looks it up.
 */
final class LocalServices implements AutoCloseable {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";
    /** A key no function signs with, as the AWS CLI's or a test's. */
    static final String ADMIN_KEY = "test";

    final EdgeServer edge;
    final DynamoDbService dynamodb = new DynamoDbService(REGION, ACCOUNT, Optional.empty());
    final SsmService ssm = new SsmService(REGION, ACCOUNT, Optional.empty());
    final SqsService sqs;
    final SnsService sns;
    final LambdaService lambda;
    final ApiGatewayService apiGateway;
    final CloudFormation cloudFormation;
    /** access key → function name, standing in for the keys Lambda generates */
    final Map<String, String> keys = new ConcurrentHashMap<>();
    /** statements of roles no stack created, for tests that change a role's policy call by call */
    final Map<String, List<PolicyStatement>> roles = new ConcurrentHashMap<>();
    final IamAuthorizer authorizer;

    LocalServices() {
        try {
            edge = EdgeServer.start("127.0.0.1", 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sqs = new SqsService(edge.url());
        lambda = new LambdaService(REGION, ACCOUNT, edge::url, (target, event, attributes) -> { });
        sns = new SnsService(edge.url(), lambda, sqs);
        apiGateway = new ApiGatewayService(lambda, edge::url, REGION, ACCOUNT);
        cloudFormation = new CloudFormation(CloudFormationContext.builder()
                .region(REGION)
                .accountId(ACCOUNT)
                .edgeUrl(edge::url)
                .lambda(lambda)
                .apiGateway(apiGateway)
                .dynamodb(dynamodb)
                .ssm(ssm)
                .provisioner(new SqsQueueProvisioner(sqs))
                .provisioner(new SqsQueuePolicyProvisioner(sqs))
                .provisioner(new SnsTopicProvisioner(sns))
                .provisioner(new SnsSubscriptionProvisioner(sns))
                .provisioner(new SnsTopicPolicyProvisioner(sns))
                .eventSource(new SnsEventSource())
                .build());
        edge.register(dynamodb);
        edge.register(ssm);
        edge.register(sqs);
        edge.register(sns);
        edge.register(lambda);
        edge.route(ApiGatewayService.PATH_PREFIX, apiGateway);
        edge.route(CloudFormation.RESPONSE_PATH_PREFIX, cloudFormation.responseHandler());

        authorizer = new IamAuthorizer(
                key -> Optional.ofNullable(keys.get(key)).or(() -> lambda.functionForAccessKey(key))
                        .flatMap(lambda::function)
                        .flatMap(function -> RoleSession.of(function.roleArn(), function.functionName())),
                role -> Optional.ofNullable(roles.get(role)).or(() -> Optional.ofNullable(cloudFormation.rolePolicies().get(role))),
                REGION, ACCOUNT);
        edge.authorizer(authorizer);
    }

    URI endpoint() {
        return URI.create(edge.url());
    }

    /** An SDK client signing as the function that {@code key} belongs to. */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, String key) {
        return AwsClients.at(builder, endpoint(), key, "secret-of-" + key);
    }

    /** An SDK client signing with a key no function has: full access. */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C admin(B builder) {
        return client(builder, ADMIN_KEY);
    }

    /** Registers a function that never runs (its artifact is a stand-in) and gives it {@code key}. */
    void function(String name, String roleArn, java.nio.file.Path artifact, String key) {
        lambda.createFunction(new FunctionConfig(name, "example.Handler::handleRequest", "java21", artifact, 128, 3, Map.of(), roleArn,
                com.wildrydes.localcloud.lambda.AsyncConfig.DEFAULT));
        keys.put(key, name);
    }

    @Override
    public void close() {
        edge.close();
        sns.close();
        apiGateway.close();
        lambda.close();
        dynamodb.close();
    }
}
