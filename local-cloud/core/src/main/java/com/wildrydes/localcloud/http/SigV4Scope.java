package com.wildrydes.localcloud.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credential scope of a SigV4-signed request: {@code AKID/20261127/us-east-1/dynamodb/aws4_request}.
 * It names the service, which is how one endpoint serves every AWS API.
 */
public record SigV4Scope(String accessKeyId, String date, String region, String service) {

    private static final Pattern HEADER_CREDENTIAL =
            Pattern.compile("AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request");
    private static final Pattern QUERY_CREDENTIAL =
            Pattern.compile("(?:^|&)X-Amz-Credential=([^&]+)");

    /** Reads the scope from an {@code Authorization} header or a presigned query string. */
    public static Optional<SigV4Scope> from(String authorization, String rawQuery) {
        if (authorization != null) {
            Matcher m = HEADER_CREDENTIAL.matcher(authorization);
            if (m.find()) {
                return Optional.of(new SigV4Scope(m.group(1), m.group(2), m.group(3), m.group(4)));
            }
        }
        if (rawQuery != null) {
            Matcher m = QUERY_CREDENTIAL.matcher(rawQuery);
            if (m.find()) {
                String[] parts = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8).split("/");
                if (parts.length == 5 && parts[4].equals("aws4_request")) {
                    return Optional.of(new SigV4Scope(parts[0], parts[1], parts[2], parts[3]));
                }
            }
        }
        return Optional.empty();
    }
}
