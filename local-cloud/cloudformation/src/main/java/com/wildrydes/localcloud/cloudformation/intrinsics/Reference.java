package com.wildrydes.localcloud.cloudformation.intrinsics;

/**
 * A name a value refers to: {@code Ref: target}, {@code Fn::GetAtt: [target, attribute]} or a
 * {@code ${...}} inside {@code Fn::Sub}.
 *
 * @param attribute null for a Ref; may be null for a GetAtt whose attribute is computed
 */
public record Reference(String target, String attribute, boolean getAtt) {
}
