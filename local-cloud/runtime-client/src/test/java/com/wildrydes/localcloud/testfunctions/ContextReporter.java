package com.wildrydes.localcloud.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.net.URLClassLoader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Returns what the runtime told it: context fields and the X-Ray trace header property. */
public class ContextReporter implements RequestHandler<Object, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Object input, Context context) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("requestId", context.getAwsRequestId());
        report.put("functionName", context.getFunctionName());
        report.put("functionVersion", context.getFunctionVersion());
        report.put("invokedFunctionArn", context.getInvokedFunctionArn());
        report.put("memoryLimitInMB", context.getMemoryLimitInMB());
        report.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        report.put("logGroupName", context.getLogGroupName());
        report.put("logStreamName", context.getLogStreamName());
        report.put("traceHeader", System.getProperty("com.amazonaws.xray.traceHeader"));
        report.put("xrayTraceId", context.getXrayTraceId());
        report.put("contextClassLoaderIsFunctions", Thread.currentThread().getContextClassLoader() instanceof URLClassLoader);
        if (context.getClientContext() != null) {
            report.put("appTitle", context.getClientContext().getClient().getAppTitle());
            report.put("custom", context.getClientContext().getCustom());
        }
        if (context.getIdentity() != null) {
            report.put("identityId", context.getIdentity().getIdentityId());
        }
        return report;
    }
}
