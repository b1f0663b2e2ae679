package com.wildrydes.localcloud.cloudformation;

import java.util.List;
import java.util.Map;

/**
 * One statement of a role's identity policy, resolved: what a function running with that role may do.
 *
 * @param effect    {@code Allow} or {@code Deny}
 * @param actions   e.g. {@code dynamodb:PutItem}, {@code sqs:SendMessage*}
 * @param resources ARNs, possibly with wildcards
 * @param condition the statement's Condition block, empty when it has none
 * @param source    where it came from: a managed policy ARN or the role's inline policy name
 */
public record PolicyStatement(String effect, List<String> actions, List<String> resources,
                              Map<String, Object> condition, String source) {

    public PolicyStatement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        condition = condition == null ? Map.of() : Map.copyOf(condition);
    }
}
