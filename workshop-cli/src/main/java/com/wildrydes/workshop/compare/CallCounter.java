package com.wildrydes.workshop.compare;

import com.wildrydes.localcloud.http.AwsCallObserver;
import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;
import com.wildrydes.localcloud.http.FormFields;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Counts every AWS call the edge serves by service and operation ({@code dynamodb Scan},
 * {@code sns Publish}, {@code lambda Invoke}), so a stage's calls per ride are what its functions
 * really made, not what the architecture diagram says. DynamoDB reads are split by consistency,
 * because a strongly consistent read costs twice an eventually consistent one.
 */
public final class CallCounter implements AwsCallObserver {

    /** The key a strongly consistent DynamoDB read is counted under: its operation with this suffix. */
    public static final String CONSISTENT = " (consistent)";

    private static final Pattern LAMBDA_INVOKE = Pattern.compile("/2015-03-31/functions/[^/]+/invocations");
    private static final Pattern CONSISTENT_READ = Pattern.compile("\"ConsistentRead\"\\s*:\\s*true");

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void served(AwsRequest request, AwsResponse response, long startNanos, long endNanos) {
        String key = request.service() + " " + operation(request);
        if (request.service().equals("dynamodb") && isConsistentRead(request)) {
            key += CONSISTENT;
        }
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** The calls so far; subtract an earlier snapshot for a window's calls. */
    public CallCounts snapshot() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        counts.forEach((key, adder) -> copy.put(key, adder.sum()));
        return new CallCounts(copy);
    }

    /** The operation however the protocol names it: X-Amz-Target (JSON), Action (Query), or Lambda's REST path. */
    static String operation(AwsRequest request) {
        String target = request.targetOperation();
        if (target != null) {
            return target;
        }
        // Query-protocol bodies here are small (a ride); 1 MB covers any that the stages send.
        String action = FormFields.value(request, "Action", 1 << 20).orElse(null);
        if (action != null) {
            return action;
        }
        if (LAMBDA_INVOKE.matcher(request.path()).matches()) {
            return "Invoke";
        }
        return request.method() + " " + request.path();
    }

    private static boolean isConsistentRead(AwsRequest request) {
        byte[] body = request.body();
        return body != null && CONSISTENT_READ.matcher(new String(body, StandardCharsets.UTF_8)).find();
    }
}
