package com.wildrydes.localcloud.sqs;

import com.wildrydes.localcloud.http.AwsServiceException;

/**
 * An SQS error in both of SQS's shapes: the JSON protocol's {@code __type} (the error's shape name,
 * e.g. {@code QueueDoesNotExist}) and the Query protocol's code (e.g.
 * {@code AWS.SimpleQueueService.NonExistentQueue}), which JSON responses carry in
 * {@code x-amzn-query-error} so that SDKs report the same code whichever protocol they speak.
 */
public final class SqsError extends AwsServiceException {

    private final String queryCode;

    private SqsError(String shape, String queryCode, String message) {
        super(400, shape, message);
        this.queryCode = queryCode;
    }

    /** The Query protocol's error code. */
    public String queryCode() {
        return queryCode;
    }

    public static SqsError queueDoesNotExist() {
        return new SqsError("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue",
                "The specified queue does not exist.");
    }

    public static SqsError queueNameExists(String message) {
        return new SqsError("QueueNameExists", "QueueAlreadyExists", message);
    }

    public static SqsError invalidParameterValue(String message) {
        return new SqsError("InvalidParameterValue", "InvalidParameterValue", message);
    }

    public static SqsError missingParameter(String parameter) {
        return new SqsError("MissingParameter", "MissingParameter",
                "The request must contain the parameter " + parameter + ".");
    }

    public static SqsError invalidAttributeName(String name) {
        return new SqsError("InvalidAttributeName", "InvalidAttributeName", "Unknown Attribute " + name + ".");
    }

    public static SqsError invalidAttributeValue(String message) {
        return new SqsError("InvalidAttributeValue", "InvalidAttributeValue", message);
    }

    public static SqsError receiptHandleIsInvalid(String handle) {
        return new SqsError("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid",
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
    }

    public static SqsError messageNotInflight() {
        return new SqsError("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight",
                "The message referred to isn't in flight.");
    }

    public static SqsError invalidMessageContents(String message) {
        return new SqsError("InvalidMessageContents", "InvalidMessageContents", message);
    }

    public static SqsError emptyBatchRequest(String entryName) {
        return new SqsError("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest",
                "There should be at least one " + entryName + " in the request.");
    }

    public static SqsError tooManyEntriesInBatchRequest(int count) {
        return new SqsError("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
                "Maximum number of entries per request are 10. You have sent " + count + ".");
    }

    public static SqsError batchEntryIdsNotDistinct(String id) {
        return new SqsError("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
                "Id " + id + " repeated.");
    }

    public static SqsError invalidBatchEntryId() {
        return new SqsError("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId",
                "A batch entry id can only contain alphanumeric characters, hyphens and underscores. "
                        + "It can be at most 80 letters long.");
    }

    public static SqsError batchRequestTooLong(int length, int limit) {
        return new SqsError("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong",
                "Batch requests cannot be longer than " + limit + " bytes. You have sent " + length + " bytes.");
    }

    public static SqsError unsupported(String message) {
        return new SqsError("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation", message);
    }

    public static SqsError invalidAddress(String url) {
        return new SqsError("InvalidAddress", "InvalidAddress", "The address " + url + " is not valid for this endpoint.");
    }
}
