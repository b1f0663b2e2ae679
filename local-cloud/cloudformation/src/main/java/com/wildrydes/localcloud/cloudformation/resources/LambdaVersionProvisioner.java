package com.wildrydes.localcloud.cloudformation.resources;

import com.wildrydes.localcloud.lambda.LambdaControl;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code AWS::Lambda::Version}, which SAM's AutoPublishAlias creates. Locally a version is a name:
 * it is numbered like Lambda's and invoking it runs the function's current code.
 */
public final class LambdaVersionProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::Lambda::Version";

    private final LambdaControl lambda;
    private final Map<String, Integer> lastVersion = new ConcurrentHashMap<>();

    public LambdaVersionProvisioner(LambdaControl lambda) {
        this.lambda = lambda;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("FunctionName", "Description", "CodeSha256");
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Version", "FunctionArn");
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String function = FunctionNames.bareName(request.string("FunctionName"));
        if (lambda.function(function).isEmpty()) {
            throw new ProvisioningException("the function " + function + " does not exist");
        }
        int version = lastVersion.merge(function, 1, Integer::sum);
        String functionArn = lambda.functionArn(function);
        return new Provisioned(functionArn + ":" + version, Map.of("Version", String.valueOf(version), "FunctionArn", functionArn));
    }

    @Override
    public void delete(ResourceState resource) {
        // A version has no state of its own in local-cloud.
    }
}
