package com.wildrydes.localcloud.cloudformation;

/** A deploy or teardown that cannot go on; the message names the template, the resource and the cause. */
public class CloudFormationException extends RuntimeException {

    public CloudFormationException(String message) {
        super(message);
    }

    public CloudFormationException(String message, Throwable cause) {
        super(message, cause);
    }
}
