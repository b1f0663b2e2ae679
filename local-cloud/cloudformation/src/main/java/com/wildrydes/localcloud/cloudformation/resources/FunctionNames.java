package com.wildrydes.localcloud.cloudformation.resources;

/** Lambda accepts a function as a name, a {@code name:qualifier} or an (alias) ARN; most places want the bare name. */
public final class FunctionNames {

    private FunctionNames() {
    }

    /** {@code arn:aws:lambda:us-east-1:000000000000:function:fleet:live} becomes {@code fleet}. */
    public static String bareName(String nameOrArn) {
        if (nameOrArn.startsWith("arn:")) {
            String[] parts = nameOrArn.split(":");
            if (parts.length >= 7 && parts[5].equals("function")) {
                return parts[6];
            }
            throw new ProvisioningException(nameOrArn + " is not a Lambda function ARN");
        }
        int colon = nameOrArn.indexOf(':');
        return colon < 0 ? nameOrArn : nameOrArn.substring(0, colon);
    }
}
