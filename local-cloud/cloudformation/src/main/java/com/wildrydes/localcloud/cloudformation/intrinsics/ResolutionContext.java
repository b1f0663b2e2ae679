package com.wildrydes.localcloud.cloudformation.intrinsics;

import java.util.Map;

/** What intrinsic functions look up while a value is resolved. Unknown names throw {@link IntrinsicException}. */
public interface ResolutionContext {

    /** {@code Ref}: a parameter's value, a pseudo parameter, or a resource's physical id. */
    Object ref(String name);

    /** {@code Fn::GetAtt}. */
    Object getAtt(String logicalId, String attribute);

    /** Whether a named condition holds. */
    boolean condition(String name);

    /** The template's Mappings section. */
    Map<String, Object> mappings();

    /** {@code Fn::ImportValue}: another stack's export. */
    String importValue(String exportName);

    /** The region, for {@code Fn::GetAZs ""}. */
    String region();
}
