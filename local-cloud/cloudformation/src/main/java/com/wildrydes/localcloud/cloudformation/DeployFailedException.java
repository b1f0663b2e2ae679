package com.wildrydes.localcloud.cloudformation;

/**
 * A resource failed while a deploy ran; what the deploy had done was rolled back before this was thrown.
 * The message names the template, the resource, its type and the cause.
 */
public class DeployFailedException extends CloudFormationException {

    private final String logicalId;
    private final String resourceType;

    public DeployFailedException(String message, String logicalId, String resourceType, Throwable cause) {
        super(message, cause);
        this.logicalId = logicalId;
        this.resourceType = resourceType;
    }

    /** The resource that failed; null when the stack's outputs or exports failed. */
    public String logicalId() {
        return logicalId;
    }

    public String resourceType() {
        return resourceType;
    }
}
