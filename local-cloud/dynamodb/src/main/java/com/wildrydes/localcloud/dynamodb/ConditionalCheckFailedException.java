package com.wildrydes.localcloud.dynamodb;

import com.wildrydes.localcloud.http.AwsServiceException;

import java.util.Map;
import java.util.Optional;

/**
 * A condition that did not hold. With {@code ReturnValuesOnConditionCheckFailure: ALL_OLD} the error
 * carries the item as it was, which the SDK exposes as {@code ConditionalCheckFailedException.item()}.
 */
public final class ConditionalCheckFailedException extends AwsServiceException {

    private final transient Map<String, AttributeValue> item;

    public ConditionalCheckFailedException(Map<String, AttributeValue> item) {
        super(400, "ConditionalCheckFailedException", "The conditional request failed");
        this.item = item;
    }

    /** The item before the failed write, when it existed and the request asked for it. */
    public Optional<Map<String, AttributeValue>> item() {
        return Optional.ofNullable(item);
    }
}
