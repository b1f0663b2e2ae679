package com.wildrydes.localcloud;

import com.wildrydes.localcloud.apigateway.ApiGatewayService;
import com.wildrydes.localcloud.apigateway.RestApi;
import com.wildrydes.localcloud.cloudformation.CloudFormation;
import com.wildrydes.localcloud.cloudformation.CloudFormationContext;
import com.wildrydes.localcloud.cloudformation.Stack;
import com.wildrydes.localcloud.console.Console;
import com.wildrydes.localcloud.dynamodb.DynamoDbService;
import com.wildrydes.localcloud.http.AwsCallObserver;
import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.iam.IamAuthorizer;
import com.wildrydes.localcloud.iam.RoleSession;
import com.wildrydes.localcloud.lambda.DeadLetterSink;
import com.wildrydes.localcloud.lambda.LambdaOptions;
import com.wildrydes.localcloud.lambda.LambdaService;
import com.wildrydes.localcloud.sns.SnsDeadLetterSink;
import com.wildrydes.localcloud.sns.SnsService;
import com.wildrydes.localcloud.sns.cloudformation.SnsEventSource;
import com.wildrydes.localcloud.sns.cloudformation.SnsSubscriptionProvisioner;
import com.wildrydes.localcloud.sns.cloudformation.SnsTopicPolicyProvisioner;
import com.wildrydes.localcloud.sns.cloudformation.SnsTopicProvisioner;
import com.wildrydes.localcloud.sqs.SqsDeadLetterSink;
import com.wildrydes.localcloud.sqs.SqsService;
import com.wildrydes.localcloud.sqs.cloudformation.SqsQueuePolicyProvisioner;
import com.wildrydes.localcloud.sqs.cloudformation.SqsQueueProvisioner;
import com.wildrydes.localcloud.ssm.SsmService;
import com.wildrydes.localcloud.trace.AwsCallTracer;
import com.wildrydes.localcloud.trace.RecentTraces;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local AWS on one endpoint: the services, wired to each other the way AWS wires them, and the
 * CloudFormation engine that deploys a stage's real templates onto them.
 */
public final class LocalCloud implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    public static final String CONSOLE_PATH = "/_localcloud/";

    private static final Logger LOG = Logger.getLogger(LocalCloud.class.getName());

    private final LocalCloudOptions options;
    private final EdgeServer edge;
    private final DynamoDbService dynamodb;
    private final SsmService ssm;
    private final SqsService sqs;
    private final SnsService sns;
    private final LambdaService lambda;
    private final ApiGatewayService apiGateway;
    private final DeadLetterSink queueDeadLetters;
    private final DeadLetterSink topicDeadLetters;
    private final CloudFormation cloudFormation;
    private final RecentTraces traces;
    private final List<String> deployedStacks = new ArrayList<>();
    private volatile boolean closed;

    private LocalCloud(LocalCloudOptions options, LambdaOptions lambdaOptions) throws IOException {
        this.options = options;
        this.edge = EdgeServer.start(options.bindHost(), options.port());
        String endpoint = edge.url();
        this.dynamodb = new DynamoDbService(REGION, ACCOUNT_ID, options.dataDir().map(d -> d.resolve("dynamodb")));
        this.ssm = new SsmService(REGION, ACCOUNT_ID, options.dataDir().map(d -> d.resolve("ssm")));
        this.sqs = new SqsService(endpoint);
        this.traces = new RecentTraces();
        this.lambda = new LambdaService(REGION, ACCOUNT_ID, edge::url, this::sendToDeadLetterTarget, lambdaOptions, traces);
        this.sns = new SnsService(endpoint, lambda, sqs, traces);
        this.queueDeadLetters = new SqsDeadLetterSink(sqs);
        this.topicDeadLetters = new SnsDeadLetterSink(sns);
        this.apiGateway = new ApiGatewayService(lambda, edge::url, REGION, ACCOUNT_ID,
                ApiGatewayService.DEFAULT_INTEGRATION_TIMEOUT, traces);
        this.cloudFormation = new CloudFormation(CloudFormationContext.builder()
                .region(REGION)
                .accountId(ACCOUNT_ID)
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
        // Calls signed with a function's credentials are checked against its role's policies, as IAM does.
        edge.authorizer(new IamAuthorizer(
                key -> lambda.functionForAccessKey(key).flatMap(lambda::function)
                        .flatMap(function -> RoleSession.of(function.roleArn(), function.functionName())),
                role -> Optional.ofNullable(cloudFormation.rolePolicies().get(role)),
                REGION, ACCOUNT_ID));
        edge.route(ApiGatewayService.PATH_PREFIX, apiGateway);
        edge.route(CloudFormation.RESPONSE_PATH_PREFIX, cloudFormation.responseHandler());
        edge.observe(new AwsCallTracer(traces, lambda::functionForAccessKey));
        edge.route(CONSOLE_PATH, new Console(this, traces));
    }

    /** Lambda's dead-letter targets are queues or topics, told apart by their ARN, as AWS does. */
    private void sendToDeadLetterTarget(String targetArn, byte[] event, Map<String, String> attributes) {
        DeadLetterSink sink = targetArn.startsWith("arn:aws:sns:") ? topicDeadLetters : queueDeadLetters;
        sink.send(targetArn, event, attributes);
    }

    public static LocalCloud start(LocalCloudOptions options) throws IOException {
        return new LocalCloud(options, LambdaOptions.defaults());
    }

    public static LocalCloud start(LocalCloudOptions options, LambdaOptions lambdaOptions) throws IOException {
        return new LocalCloud(options, lambdaOptions);
    }

    /** {@code http://127.0.0.1:PORT}: the value for AWS_ENDPOINT_URL and {@code aws --endpoint-url}. */
    public String endpoint() {
        return edge.url();
    }

    public String consoleUrl() {
        return edge.url() + CONSOLE_PATH;
    }

    /** Deploys every service of a stage folder, in the order their SSM parameters require. */
    public List<Stack> deployStage(Path stageDir) {
        return deployStage(stageDir, stack -> { });
    }

    public List<Stack> deployStage(Path stageDir, Consumer<Stack> onDeployed) {
        List<Stack> stacks = new ArrayList<>();
        for (StageService service : StagePlan.of(stageDir).services()) {
            Stack stack = deploy(service.stackName(), service.template(), Map.of());
            onDeployed.accept(stack);
            stacks.add(stack);
        }
        return stacks;
    }

    /** Creates or updates one stack from a template file. */
    public Stack deploy(String stackName, Path template, Map<String, String> parameterOverrides) {
        Stack stack = cloudFormation.deploy(stackName, template, parameterOverrides);
        synchronized (deployedStacks) {
            deployedStacks.remove(stackName);
            deployedStacks.add(stackName);
        }
        return stack;
    }

    public void deleteStack(String stackName) {
        cloudFormation.delete(stackName);
        synchronized (deployedStacks) {
            deployedStacks.remove(stackName);
        }
    }

    /** The base URL of the API a stack created (its {@code Prod} stage), if it has one. */
    public Optional<String> apiUrl(String stackName) {
        return cloudFormation.stack(stackName)
                .flatMap(stack -> stack.resources().stream()
                        .filter(r -> r.type().equals("AWS::ApiGateway::RestApi"))
                        .findFirst())
                .flatMap(api -> apiGateway.apis().stream().filter(a -> a.apiId().equals(api.physicalId())).findFirst())
                .map(RestApi::baseUrl);
    }

    public Optional<Stack> stack(String name) {
        return cloudFormation.stack(name);
    }

    public List<Stack> stacks() {
        return cloudFormation.stacks();
    }

    public LambdaService lambda() {
        return lambda;
    }

    public ApiGatewayService apiGateway() {
        return apiGateway;
    }

    public DynamoDbService dynamodb() {
        return dynamodb;
    }

    public SsmService ssm() {
        return ssm;
    }

    public SqsService sqs() {
        return sqs;
    }

    public SnsService sns() {
        return sns;
    }

    public CloudFormation cloudFormation() {
        return cloudFormation;
    }

    /** The latest requests' hops (API Gateway, Lambda, AWS calls), as the console shows them. */
    public RecentTraces traces() {
        return traces;
    }

    /** Tells {@code observer} of every AWS call the endpoint serves from now on, functions' calls included. */
    public void observeAwsCalls(AwsCallObserver observer) {
        edge.observe(observer);
    }

    /**
     * Tears the stacks down in reverse deploy order (custom resources get their Delete) unless data
     * is kept in a data dir, then stops every function JVM and the endpoint.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (options.dataDir().isEmpty()) {
            List<String> stacks;
            synchronized (deployedStacks) {
                stacks = new ArrayList<>(deployedStacks);
            }
            for (String stack : stacks.reversed()) {
                try {
                    cloudFormation.delete(stack);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not delete stack " + stack + ": " + e.getMessage());
                }
            }
        }
        sns.close();
        lambda.close();
        dynamodb.close();
        apiGateway.close();
        edge.close();
    }
}
