package com.wildrydes.localcloud.cloudformation.sam;

import java.util.Set;

/**
 * An event type of {@code AWS::Serverless::Function}'s {@code Events}, beyond the built-in
 * {@code Api}: SNS and SQS add theirs by registering one, together with provisioners for the
 * resources it generates.
 */
public interface SamEventSource {

    /** The event's {@code Type}, e.g. {@code SNS}. */
    String type();

    /** The event properties it understands; any other is refused with this list. */
    Set<String> properties();

    SamEventExpansion expand(SamEvent event);
}
