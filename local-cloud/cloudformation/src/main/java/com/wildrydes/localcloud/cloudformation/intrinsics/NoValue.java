package com.wildrydes.localcloud.cloudformation.intrinsics;

/** What {@code Ref: AWS::NoValue} evaluates to: the property, list item or map entry it stands in is dropped. */
public enum NoValue {
    INSTANCE
}
