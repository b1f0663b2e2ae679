package com.wildrydes.localcloud.cloudformation.resources;

import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.LambdaControl;

import java.util.Map;
import java.util.Set;

/**
 * {@code AWS::Lambda::EventInvokeConfig}: retries, event age and the on-failure destination of a
 * function's asynchronous invokes. Lambda takes these with the function's configuration, so the
 * function is registered again with them.
 */
public final class EventInvokeConfigProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::Lambda::EventInvokeConfig";

    private final LambdaControl lambda;
    private final FunctionAsyncSettings asyncSettings;

    public EventInvokeConfigProvisioner(LambdaControl lambda, FunctionAsyncSettings asyncSettings) {
        this.lambda = lambda;
        this.asyncSettings = asyncSettings;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("FunctionName", "Qualifier", "MaximumRetryAttempts", "MaximumEventAgeInSeconds", "DestinationConfig");
    }

    @Override
    public Set<String> attributes() {
        return Set.of();
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String function = FunctionNames.bareName(request.string("FunctionName"));
        int retries = request.integer("MaximumRetryAttempts", 2);
        if (retries < 0 || retries > 2) {
            throw new ProvisioningException("MaximumRetryAttempts " + retries + " is out of range: Lambda allows 0 to 2");
        }
        int age = request.integer("MaximumEventAgeInSeconds", 21600);
        if (age < 60 || age > 21600) {
            throw new ProvisioningException("MaximumEventAgeInSeconds " + age + " is out of range: Lambda allows 60 to 21600");
        }
        asyncSettings.putEventInvoke(function, new FunctionAsyncSettings.EventInvoke(retries, age, onFailure(request)));
        reapply(function);
        return Provisioned.of(function + ":" + request.optionalString("Qualifier"));
    }

    @Override
    public void delete(ResourceState resource) {
        String function = FunctionNames.bareName(Values.string(resource.properties().get("FunctionName"), "FunctionName"));
        asyncSettings.removeEventInvoke(function);
        reapply(function);
    }

    private static String onFailure(ResourceRequest request) {
        Map<String, Object> destinations = request.map("DestinationConfig");
        for (String key : destinations.keySet()) {
            if (!key.equals("OnFailure")) {
                throw new ProvisioningException("DestinationConfig." + key + " is not supported by local-cloud; supported: OnFailure");
            }
        }
        Map<String, Object> onFailure = Values.optionalMap(destinations.get("OnFailure"), "DestinationConfig.OnFailure");
        return Values.optionalString(onFailure.get("Destination"), "DestinationConfig.OnFailure.Destination");
    }

    /** Registers the function again with its current asynchronous settings (instances start on the next invoke). */
    private void reapply(String function) {
        lambda.function(function).ifPresent(current -> {
            FunctionConfig updated = new FunctionConfig(current.functionName(), current.handler(), current.runtime(),
                    current.codePath(), current.memorySizeMb(), current.timeoutSeconds(), current.environment(),
                    current.roleArn(), asyncSettings.asyncConfig(function));
            if (!updated.equals(current)) {
                lambda.deleteFunction(function);
                lambda.createFunction(updated);
            }
        });
    }
}
