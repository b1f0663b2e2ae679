package com.wildrydes.localcloud.apigateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.json.Json;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the REST API (v1) Lambda proxy event exactly as API Gateway shapes it: single and
 * multi-value headers and query parameters (null when there are none; the single form keeps the
 * last value), path parameters, the body as text or base64, and the request context.
 */
final class ProxyEvent {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * What API Gateway knows about a request beyond the request itself.
     *
     * @param stage the stage name, as in {@code /Prod/ride}
     */
    record Context(String accountId, String apiId, String stage, Route route, Map<String, String> pathParameters,
                   String requestId, String extendedRequestId, Instant requestTime, String domainName) {
    }

    private ProxyEvent() {
    }

    static ObjectNode build(ProxyRequest request, Context context) {
        ObjectNode event = Json.object();
        event.put("resource", context.route().resource().template());
        event.put("path", request.path());
        event.put("httpMethod", request.httpMethod());
        putHeaders(event, request.headers());
        putQuery(event, request.rawQuery());
        if (context.pathParameters().isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode parameters = event.putObject("pathParameters");
            context.pathParameters().forEach(parameters::put);
        }
        event.putNull("stageVariables");
        event.set("requestContext", requestContext(request, context));
        putBody(event, request);
        return event;
    }

    private static void putHeaders(ObjectNode event, Map<String, List<String>> headers) {
        if (headers.isEmpty()) {
            event.putNull("headers");
            event.putNull("multiValueHeaders");
            return;
        }
        ObjectNode single = event.putObject("headers");
        ObjectNode multi = event.putObject("multiValueHeaders");
        headers.forEach((name, values) -> {
            single.put(name, values.get(values.size() - 1));
            ArrayNode all = multi.putArray(name);
            values.forEach(all::add);
        });
    }

    private static void putQuery(ObjectNode event, String rawQuery) {
        Map<String, List<String>> query = parseQuery(rawQuery);
        if (query.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
            return;
        }
        ObjectNode single = event.putObject("queryStringParameters");
        ObjectNode multi = event.putObject("multiValueQueryStringParameters");
        query.forEach((name, values) -> {
            single.put(name, values.get(values.size() - 1));
            ArrayNode all = multi.putArray(name);
            values.forEach(all::add);
        });
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static ObjectNode requestContext(ProxyRequest request, Context context) {
        ObjectNode rc = Json.object();
        rc.put("resourceId", context.route().resourceId());
        rc.put("resourcePath", context.route().resource().template());
        rc.put("httpMethod", request.httpMethod());
        rc.put("extendedRequestId", context.extendedRequestId());
        rc.put("requestTime", REQUEST_TIME.format(context.requestTime()));
        rc.put("path", "/" + context.stage() + request.path());
        rc.put("accountId", context.accountId());
        rc.put("protocol", request.protocol());
        rc.put("stage", context.stage());
        rc.put("domainPrefix", context.apiId());
        rc.put("requestTimeEpoch", context.requestTime().toEpochMilli());
        rc.put("requestId", context.requestId());
        ObjectNode identity = rc.putObject("identity");
        identity.putNull("cognitoIdentityPoolId");
        identity.putNull("accountId");
        identity.putNull("cognitoIdentityId");
        identity.putNull("caller");
        identity.put("sourceIp", request.sourceIp());
        identity.putNull("principalOrgId");
        identity.putNull("accessKey");
        identity.putNull("cognitoAuthenticationType");
        identity.putNull("cognitoAuthenticationProvider");
        identity.putNull("userArn");
        String userAgent = request.header("User-Agent");
        if (userAgent == null) {
            identity.putNull("userAgent");
        } else {
            identity.put("userAgent", userAgent);
        }
        identity.putNull("user");
        rc.put("domainName", context.domainName());
        rc.put("apiId", context.apiId());
        return rc;
    }

    private static void putBody(ObjectNode event, ProxyRequest request) {
        byte[] body = request.body();
        if (body == null || body.length == 0) {
            event.putNull("body");
            event.put("isBase64Encoded", false);
            return;
        }
        String text = isText(request.header("Content-Type")) ? utf8(body) : null;
        if (text != null) {
            event.put("body", text);
            event.put("isBase64Encoded", false);
        } else {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
        }
    }

    /**
     * Text bodies pass as strings; anything else (images, octet streams, zip files) is base64,
     * as API Gateway does for binary media types. No Content-Type counts as text when the bytes are UTF-8.
     */
    static boolean isText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/javascript") || type.equals("application/graphql")
                || type.equals("application/yaml") || type.equals("application/x-yaml");
    }

    /** The bytes as UTF-8 text, or null when they are not valid UTF-8 (so they travel as base64). */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
