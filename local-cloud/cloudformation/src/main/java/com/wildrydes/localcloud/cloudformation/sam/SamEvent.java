package com.wildrydes.localcloud.cloudformation.sam;

import java.util.Map;

/**
 * One entry of a SAM function's {@code Events}.
 *
 * @param functionLogicalId the function's logical id, the prefix of generated logical ids
 * @param eventName         the key under {@code Events}
 * @param properties        the event's {@code Properties}, unresolved
 * @param functionTarget    what the event should invoke, for a permission's FunctionName: {@code {Ref: Function}},
 *                          or {@code {Ref: Function<Alias>}} with AutoPublishAlias
 * @param functionArn       the same as an ARN, for a subscription's Endpoint: {@code {Fn::GetAtt: [Function, Arn]}},
 *                          or the alias's Ref (an alias's Ref is its ARN)
 * @param condition         the function's Condition, which generated resources share; null if none
 */
public record SamEvent(String functionLogicalId, String eventName, Map<String, Object> properties,
                       Object functionTarget, Object functionArn, String condition) {
}
