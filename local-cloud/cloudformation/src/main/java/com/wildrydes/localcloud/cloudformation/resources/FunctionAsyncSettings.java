package com.wildrydes.localcloud.cloudformation.resources;

import com.wildrydes.localcloud.lambda.AsyncConfig;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * A function's asynchronous-invoke settings come from two resources: the function's own
 * {@code DeadLetterConfig} and a separate {@code AWS::Lambda::EventInvokeConfig}. This joins them,
 * so that replacing either one keeps what the other said.
 */
public final class FunctionAsyncSettings {

    private static final Logger LOG = Logger.getLogger(FunctionAsyncSettings.class.getName());

    /** An EventInvokeConfig's settings. */
    public record EventInvoke(int maximumRetryAttempts, int maximumEventAgeSeconds, String onFailureArn) {
    }

    private final Map<String, EventInvoke> eventInvokeConfigs = new ConcurrentHashMap<>();
    private final Map<String, String> deadLetterTargets = new ConcurrentHashMap<>();

    public void putEventInvoke(String functionName, EventInvoke settings) {
        eventInvokeConfigs.put(functionName, settings);
    }

    public void removeEventInvoke(String functionName) {
        eventInvokeConfigs.remove(functionName);
    }

    public void putDeadLetterTarget(String functionName, String targetArn) {
        if (targetArn == null) {
            deadLetterTargets.remove(functionName);
        } else {
            deadLetterTargets.put(functionName, targetArn);
        }
    }

    /** The AsyncConfig Lambda should run the function with now. */
    public AsyncConfig asyncConfig(String functionName) {
        EventInvoke invoke = eventInvokeConfigs.get(functionName);
        String deadLetter = deadLetterTargets.get(functionName);
        if (invoke == null) {
            return new AsyncConfig(AsyncConfig.DEFAULT.maximumRetryAttempts(), AsyncConfig.DEFAULT.maximumEventAgeSeconds(), deadLetter);
        }
        String target = invoke.onFailureArn();
        if (target != null && deadLetter != null && !target.equals(deadLetter)) {
            LOG.warning("Function " + functionName + " has both a DeadLetterQueue (" + deadLetter + ") and an on-failure destination ("
                    + target + "); local-cloud sends failed events to the destination only");
        }
        return new AsyncConfig(invoke.maximumRetryAttempts(), invoke.maximumEventAgeSeconds(), target != null ? target : deadLetter);
    }
}
