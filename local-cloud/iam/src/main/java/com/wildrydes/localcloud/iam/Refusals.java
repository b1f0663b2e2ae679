package com.wildrydes.localcloud.iam;

import com.wildrydes.localcloud.http.AwsResponse;
import com.wildrydes.localcloud.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The shapes AWS's protocols give an authorization failure: a JSON body with {@code __type}, or a Query ErrorResponse. */
final class Refusals {

    private Refusals() {
    }

    /**
     * @param type          the {@code __type} member, or null for services whose body has none
     * @param messageMember {@code message} or {@code Message}: services differ, and SDKs read either
     * @param extraHeaders  e.g. {@code x-amzn-ErrorType}; a request id is always added
     */
    static AwsResponse json(int status, String contentType, String type, String messageMember, String message,
                            Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", contentType);
        headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
        var body = Json.object();
        if (type != null) {
            body.put("__type", type);
        }
        body.put(messageMember, message);
        return new AwsResponse(status, headers, Json.bytes(body));
    }

    /** {@code <ErrorResponse xmlns=..><Error><Type>Sender</Type><Code>..</Code><Message>..</Message>[<Detail/>]</Error><RequestId>..} */
    static AwsResponse queryXml(int status, String namespace, String code, String message, boolean withDetail) {
        String requestId = UUID.randomUUID().toString();
        String xml = "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>Sender</Type><Code>" + escape(code)
                + "</Code><Message>" + escape(message) + "</Message>" + (withDetail ? "<Detail/>" : "") + "</Error><RequestId>"
                + requestId + "</RequestId></ErrorResponse>";
        return AwsResponse.of(status, "text/xml", xml);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
