package com.wildrydes.record;

import java.util.List;

/**
 * Some messages of an SNS event could not be recorded. Thrown only after every message of the event was tried; the
 * exception makes Lambda retry the event and, when the retries fail too, hand it to the dead-letter queue with this
 * message, which names each message that failed and why.
 */
public final class RidesNotRecordedException extends RuntimeException {

    private static final int MAX_REASON_LENGTH = 300;

    public RidesNotRecordedException(List<String> failures, int messages) {
        super(failures.size() + " of " + messages + " messages could not be recorded: "
                + String.join("; ", failures.stream().map(RidesNotRecordedException::abbreviated).toList()));
    }

    private static String abbreviated(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }
}
