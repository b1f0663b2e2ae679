package com.wildrydes.localcloud.runtime;

import java.nio.file.Path;
import java.util.Map;

/**
 * What Lambda tells a runtime through its environment.
 *
 * @param taskRoot {@code LAMBDA_TASK_ROOT}: the function's code, a directory, jar or zip
 */
record RuntimeEnvironment(
        String runtimeApi,
        String handler,
        Path taskRoot,
        String functionName,
        String functionVersion,
        int memoryLimitMb,
        String logGroupName,
        String logStreamName) {

    static RuntimeEnvironment from(Map<String, String> env) {
        String runtimeApi = env.get("AWS_LAMBDA_RUNTIME_API");
        if (runtimeApi == null || runtimeApi.isBlank()) {
            throw new IllegalStateException("AWS_LAMBDA_RUNTIME_API is not set: this program runs inside a Lambda execution environment");
        }
        String memory = env.getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128");
        String taskRoot = env.get("LAMBDA_TASK_ROOT");
        return new RuntimeEnvironment(
                runtimeApi,
                env.get("_HANDLER"),
                Path.of(taskRoot == null || taskRoot.isBlank() ? "." : taskRoot),
                env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", ""),
                env.getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
                Integer.parseInt(memory),
                env.getOrDefault("AWS_LAMBDA_LOG_GROUP_NAME", ""),
                env.getOrDefault("AWS_LAMBDA_LOG_STREAM_NAME", ""));
    }
}
