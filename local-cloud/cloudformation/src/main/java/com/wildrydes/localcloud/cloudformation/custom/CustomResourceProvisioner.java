package com.wildrydes.localcloud.cloudformation.custom;

import com.wildrydes.localcloud.cloudformation.resources.StackInfo;
import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.cloudformation.resources.Provisioned;
import com.wildrydes.localcloud.cloudformation.resources.ProvisioningException;
import com.wildrydes.localcloud.cloudformation.resources.ResourceProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.ResourceRequest;
import com.wildrydes.localcloud.cloudformation.resources.ResourceState;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.lambda.LambdaControl;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@code Custom::*} and {@code AWS::CloudFormation::CustomResource} backed by a Lambda function,
 * with CloudFormation's protocol: the function is invoked asynchronously with the request, and the
 * resource is done when the function PUTs SUCCESS or FAILED to the request's ResponseURL.
 */
public final class CustomResourceProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::CloudFormation::CustomResource";
    public static final String CUSTOM_PREFIX = "Custom::";
    private static final Logger LOG = Logger.getLogger(CustomResourceProvisioner.class.getName());

    private final LambdaControl lambda;
    private final Supplier<String> edgeUrl;
    private final Duration timeout;
    private final CustomResourceResponses responses;

    public CustomResourceProvisioner(LambdaControl lambda, Supplier<String> edgeUrl, Duration timeout,
                                     CustomResourceResponses responses) {
        this.lambda = lambda;
        this.edgeUrl = edgeUrl;
        this.timeout = timeout;
        this.responses = responses;
    }

    public static boolean handles(String type) {
        return type.equals(TYPE) || (type.startsWith(CUSTOM_PREFIX) && type.length() > CUSTOM_PREFIX.length());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("ServiceToken", "ServiceTimeout");
    }

    @Override
    public boolean acceptsAnyProperty() {
        return true;
    }

    @Override
    public Set<String> attributes() {
        return Set.of();
    }

    @Override
    public boolean acceptsAnyAttribute() {
        return true;
    }

    @Override
    public boolean deletesReplacedResourceAfterUpdate() {
        return true;
    }

    @Override
    public void validate(StackInfo stack, TemplateResource resource) {
        if (!resource.properties().containsKey("ServiceToken")) {
            throw new ProvisioningException("the property ServiceToken is required (the ARN of the function that serves the resource)");
        }
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        CustomResourceResponse response = send("Create", request, null, null);
        if (!response.succeeded()) {
            throw new ProvisioningException("the custom resource's function answered FAILED to Create: " + reason(response));
        }
        return new Provisioned(response.physicalResourceId(), response.data());
    }

    @Override
    public Provisioned update(ResourceRequest request, ResourceState current) {
        CustomResourceResponse response = send("Update", request, current.properties(), current.physicalId());
        if (!response.succeeded()) {
            throw new ProvisioningException("the custom resource's function answered FAILED to Update: " + reason(response));
        }
        return new Provisioned(response.physicalResourceId(), response.data());
    }

    /** A failed Delete is reported and ignored, as CloudFormation's DELETE_FAILED would be retained: teardown goes on. */
    @Override
    public void delete(ResourceState resource) {
        try {
            CustomResourceResponse response = send("Delete", resource.request(), null, resource.physicalId());
            if (!response.succeeded()) {
                LOG.warning(resource.logicalId() + " (" + resource.type() + "): the function answered FAILED to Delete: "
                        + reason(response) + "; local-cloud goes on with the teardown");
            }
        } catch (RuntimeException e) {
            LOG.warning(resource.logicalId() + " (" + resource.type() + "): Delete did not succeed: " + e.getMessage()
                    + "; local-cloud goes on with the teardown");
        }
    }

    private CustomResourceResponse send(String requestType, ResourceRequest request, Map<String, Object> oldProperties,
                                        String physicalId) {
        String serviceToken = request.string("ServiceToken");
        if (!serviceToken.startsWith("arn:aws:lambda:") || !serviceToken.contains(":function:")) {
            throw new ProvisioningException("ServiceToken " + serviceToken + " is not a Lambda function ARN; local-cloud supports"
                    + " Lambda-backed custom resources only");
        }
        if (lambda.function(serviceToken).isEmpty()) {
            throw new ProvisioningException("ServiceToken " + serviceToken + " names a function that does not exist");
        }
        String requestId = UUID.randomUUID().toString();
        String stackId = request.stack().stackId();
        String token = responses.expect(stackId, requestId, request.logicalId());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("RequestType", requestType);
        event.put("ServiceToken", serviceToken);
        event.put("ResponseURL", edgeUrl.get() + CustomResourceResponses.PATH_PREFIX + token);
        event.put("StackId", stackId);
        event.put("RequestId", requestId);
        event.put("LogicalResourceId", request.logicalId());
        if (physicalId != null) {
            event.put("PhysicalResourceId", physicalId);
        }
        event.put("ResourceType", request.type());
        event.put("ResourceProperties", Values.stringifyScalars(request.properties()));
        if (oldProperties != null) {
            event.put("OldResourceProperties", Values.stringifyScalars(oldProperties));
        }
        Duration wait = request.get("ServiceTimeout") == null ? timeout
                : Duration.ofSeconds(Values.integer(request.get("ServiceTimeout"), "ServiceTimeout"));
        try {
            lambda.invokeAsync(serviceToken, Json.bytes(event));
        } catch (RuntimeException e) {
            responses.cancel(token);
            throw new ProvisioningException("invoking " + serviceToken + " failed: " + e.getMessage(), e);
        }
        try {
            return responses.await(token, wait);
        } catch (TimeoutException e) {
            throw new ProvisioningException("the custom resource did not respond to its " + requestType + " request within "
                    + describe(wait) + ": its function " + serviceToken + " must PUT a SUCCESS or FAILED response to the"
                    + " event's ResponseURL (see the function's log for what it did instead)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException("interrupted while waiting for the custom resource's " + requestType + " response");
        } catch (CustomResourceResponses.InvalidResponseException e) {
            throw new ProvisioningException("the custom resource's function answered " + requestType + " with an invalid"
                    + " response: " + e.getMessage());
        }
    }

    private static String reason(CustomResourceResponse response) {
        return response.reason() == null || response.reason().isBlank() ? "(no Reason given)" : response.reason();
    }

    private static String describe(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms"
                : duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }
}
