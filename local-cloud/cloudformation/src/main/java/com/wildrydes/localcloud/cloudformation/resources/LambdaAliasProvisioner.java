package com.wildrydes.localcloud.cloudformation.resources;

import com.wildrydes.localcloud.lambda.LambdaControl;

import java.util.Map;
import java.util.Set;

/**
 * {@code AWS::Lambda::Alias}; {@code Ref} gives the alias ARN ({@code ...:function:name:live}),
 * which local Lambda invokes as the function itself.
 */
public final class LambdaAliasProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::Lambda::Alias";

    private final LambdaControl lambda;

    public LambdaAliasProvisioner(LambdaControl lambda) {
        this.lambda = lambda;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("FunctionName", "FunctionVersion", "Name", "Description");
    }

    @Override
    public Set<String> attributes() {
        return Set.of("AliasArn");
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String function = FunctionNames.bareName(request.string("FunctionName"));
        request.string("FunctionVersion");
        String name = request.string("Name");
        if (!name.matches("(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}")) {
            throw new ProvisioningException("alias name " + name + " is not valid: use letters, digits, - and _, not only digits");
        }
        if (lambda.function(function).isEmpty()) {
            throw new ProvisioningException("the function " + function + " does not exist");
        }
        String arn = lambda.functionArn(function) + ":" + name;
        return new Provisioned(arn, Map.of("AliasArn", arn));
    }

    @Override
    public void delete(ResourceState resource) {
        // An alias has no state of its own in local-cloud.
    }
}
