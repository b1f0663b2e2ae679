package com.wildrydes.localcloud.cloudformation.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps API Gateway's public URLs onto local-cloud's. Templates build an API's URL the AWS way,
 * {@code https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/unicorn}, and
 * they must stay unchanged to deploy to AWS; locally no such host exists and functions reach APIs
 * over plain HTTP at the edge. So every resolved value the engine hands out (resource properties,
 * which include SSM parameter values and environment variables, and outputs) has
 * {@code https://<apiId>.execute-api.<region>.amazonaws.com} rewritten to
 * {@code <edge>/restapis/<apiId>} when {@code apiId} is an API local-cloud serves. This is the only
 * place that does it; URLs of APIs that do not exist locally are left alone.
 */
public final class ExecuteApiUrls {

    private static final Pattern URL = Pattern.compile(
            "https://([a-z0-9]{10})\\.execute-api\\.[a-z0-9-]+\\.amazonaws\\.com(?![A-Za-z0-9.-])");

    private final String edgeUrl;
    private final Set<String> localApiIds;

    /**
     * @param edgeUrl     e.g. {@code http://127.0.0.1:4566}
     * @param localApiIds the APIs that exist in local-cloud, plus those the current deploy is creating
     */
    public ExecuteApiUrls(String edgeUrl, Set<String> localApiIds) {
        this.edgeUrl = edgeUrl.endsWith("/") ? edgeUrl.substring(0, edgeUrl.length() - 1) : edgeUrl;
        this.localApiIds = Set.copyOf(localApiIds);
    }

    /** The value with every local API's execute-api URL rewritten, strings inside lists and maps included. */
    public Object rewrite(Object value) {
        if (value instanceof String text) {
            return rewrite(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, rewrite(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(rewrite(v)));
            return out;
        }
        return value;
    }

    public String rewrite(String text) {
        if (!text.contains(".execute-api.")) {
            return text;
        }
        Matcher matcher = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String apiId = matcher.group(1);
            String replacement = localApiIds.contains(apiId) ? edgeUrl + "/restapis/" + apiId : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
