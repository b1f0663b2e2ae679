package com.wildrydes.localcloud.iam;

/** The ARNs of the resources local-cloud serves, in its one region and account, built as each service builds them. */
record Arns(String region, String accountId) {

    String table(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn : "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + nameOrArn;
    }

    /** {@code /a/b} and {@code a} are {@code parameter/a/b} and {@code parameter/a}; a {@code :version} or {@code :label} selector is dropped. */
    String parameter(String nameOrArn) {
        if (nameOrArn.startsWith("arn:")) {
            int resource = nameOrArn.indexOf(":parameter/");
            if (resource < 0) {
                return nameOrArn;
            }
            int selector = nameOrArn.indexOf(':', resource + 1);
            return selector < 0 ? nameOrArn : nameOrArn.substring(0, selector);
        }
        int selector = nameOrArn.indexOf(':');
        String name = selector < 0 ? nameOrArn : nameOrArn.substring(0, selector);
        return "arn:aws:ssm:" + region + ":" + accountId + ":parameter" + (name.startsWith("/") ? "" : "/") + name;
    }

    String queue(String owner, String name) {
        return "arn:aws:sqs:" + region + ":" + (owner == null ? accountId : owner) + ":" + name;
    }

    String topic(String name) {
        return "arn:aws:sns:" + region + ":" + accountId + ":" + name;
    }

    String function(String accountOrNull, String name, String qualifier) {
        return "arn:aws:lambda:" + region + ":" + (accountOrNull == null ? accountId : accountOrNull) + ":function:" + name
                + (qualifier == null ? "" : ":" + qualifier);
    }
}
