package com.wildrydes.localcloud.cloudformation.template;

import com.wildrydes.localcloud.cloudformation.CloudFormationException;

/** A template that cannot be read or is not valid, refused before anything is created. */
public class TemplateException extends CloudFormationException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
