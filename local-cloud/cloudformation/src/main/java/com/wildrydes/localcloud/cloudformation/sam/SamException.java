package com.wildrydes.localcloud.cloudformation.sam;

import com.wildrydes.localcloud.cloudformation.template.TemplateException;

/** A SAM resource the transform cannot turn into CloudFormation resources; the transform adds which one. */
public class SamException extends TemplateException {

    public SamException(String message) {
        super(message);
    }
}
