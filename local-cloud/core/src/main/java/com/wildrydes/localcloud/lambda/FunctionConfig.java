package com.wildrydes.localcloud.lambda;

import java.nio.file.Path;
import java.util.Map;

/**
 * A function as a template declares it, after intrinsics are resolved.
 *
 * @param codePath    the artifact Maven built (a jar, a zip with lib/*.jar, or a directory), absolute
 * @param environment the template's variables only; Lambda's own are added when an instance starts
 * @param roleArn     the execution role; its policies are what the function may call
 * @param async       how asynchronous invokes are retried and where failed events go
 */
public record FunctionConfig(
        String functionName,
        String handler,
        String runtime,
        Path codePath,
        int memorySizeMb,
        int timeoutSeconds,
        Map<String, String> environment,
        String roleArn,
        AsyncConfig async) {

    /** Lambda's defaults: 128 MB, 3 s, no variables, default async behaviour. */
    public static FunctionConfig of(String functionName, String handler, Path codePath) {
        return new FunctionConfig(functionName, handler, "java21", codePath, 128, 3, Map.of(), null, AsyncConfig.DEFAULT);
    }
}
