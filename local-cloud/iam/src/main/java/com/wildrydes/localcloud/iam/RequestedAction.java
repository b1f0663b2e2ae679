package com.wildrydes.localcloud.iam;

import java.util.List;
import java.util.Locale;

/**
 * What one API call asks IAM for: an action such as {@code dynamodb:PutItem} on each of its
 * resources. A call is allowed only when every resource is; {@code *} stands for calls that act
 * on no particular resource ({@code ListTopics}).
 */
record RequestedAction(String action, List<String> resources) {

    static final String ANY_RESOURCE = "*";

    RequestedAction {
        if (action.indexOf(':') <= 0) {
            throw new IllegalArgumentException("an IAM action is service:Operation, not " + action);
        }
        resources = List.copyOf(resources);
        if (resources.isEmpty()) {
            throw new IllegalArgumentException(action + " names no resource");
        }
    }

    static RequestedAction on(String action, String resource) {
        return new RequestedAction(action, List.of(resource));
    }

    String lowerCaseAction() {
        return action.toLowerCase(Locale.ROOT);
    }
}
