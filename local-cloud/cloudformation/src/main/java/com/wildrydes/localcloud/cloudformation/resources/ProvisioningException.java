package com.wildrydes.localcloud.cloudformation.resources;

import com.wildrydes.localcloud.cloudformation.CloudFormationException;

/** A resource that could not be created, updated or deleted; the engine adds which one. */
public class ProvisioningException extends CloudFormationException {

    public ProvisioningException(String message) {
        super(message);
    }

    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
