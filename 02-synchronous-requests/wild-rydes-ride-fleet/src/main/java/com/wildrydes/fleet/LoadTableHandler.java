package com.wildrydes.fleet;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The SeedUnicorns custom resource's function: seeds UnicornsTable and reports back to CloudFormation. */
public final class LoadTableHandler implements RequestHandler<Map<String, Object>, String> {

    // Time kept back from the function's timeout for the response PUT and its retries.
    private static final Duration RESERVED_FOR_RESPONSE = Duration.ofSeconds(20);
    private static final Duration MINIMUM_BUDGET = Duration.ofSeconds(1);
    private static final Duration BUDGET_WITHOUT_CONTEXT = Duration.ofSeconds(30);

    private final UnicornSeedResource resource;
    private final CustomResourceResponder responder;

    public LoadTableHandler() {
        this(fromEnvironment(RequiredEnvironment.ofSystem()), CustomResourceResponder.create());
    }

    public LoadTableHandler(UnicornSeedResource resource, CustomResourceResponder responder) {
        this.resource = resource;
        this.responder = responder;
    }

    private static UnicornSeedResource fromEnvironment(RequiredEnvironment env) {
        var dynamoDb = DynamoDbClient.builder()
                .region(Region.of(env.get("AWS_REGION")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new UnicornSeedResource(table -> new DynamoDbUnicornFleet(dynamoDb, table), SeedFleet::load);
    }

    /** Returns the Status it reported, which is what the invocation log shows. */
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        var request = CustomResourceRequest.from(event);
        var response = resource.handle(request, seedingBudget(context));
        FunctionLog.info(request.requestType() + " " + request.logicalResourceId() + " -> "
                + response.status() + ": " + response.reason());
        responder.send(request.responseUrl(), response);
        return response.status();
    }

    private static Duration seedingBudget(Context context) {
        if (context == null) {
            return BUDGET_WITHOUT_CONTEXT;
        }
        var budget = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(RESERVED_FOR_RESPONSE);
        return budget.compareTo(MINIMUM_BUDGET) < 0 ? MINIMUM_BUDGET : budget;
    }
}
