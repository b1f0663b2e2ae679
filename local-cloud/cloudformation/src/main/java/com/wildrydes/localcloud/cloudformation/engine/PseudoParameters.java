package com.wildrydes.localcloud.cloudformation.engine;

import com.wildrydes.localcloud.cloudformation.resources.StackInfo;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** CloudFormation's pseudo parameters ({@code AWS::NoValue} is handled by the intrinsics themselves). */
final class PseudoParameters {

    static final Set<String> NAMES = Set.of("AWS::AccountId", "AWS::Region", "AWS::StackName", "AWS::StackId",
            "AWS::Partition", "AWS::URLSuffix", "AWS::NotificationARNs", "AWS::NoValue");

    private PseudoParameters() {
    }

    static Optional<Object> value(String name, StackInfo stack) {
        return Optional.ofNullable(switch (name) {
            case "AWS::AccountId" -> stack.accountId();
            case "AWS::Region" -> stack.region();
            case "AWS::StackName" -> stack.stackName();
            case "AWS::StackId" -> stack.stackId();
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::NotificationARNs" -> List.of();
            default -> null;
        });
    }
}
