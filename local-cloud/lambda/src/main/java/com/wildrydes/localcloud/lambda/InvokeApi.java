package com.wildrydes.localcloud.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lambda's REST API as the AWS SDK and CLI call it over the edge: Invoke (RequestResponse, Event
 * and DryRun, with Tail logs), GetFunction, GetFunctionConfiguration and ListFunctions. Errors
 * carry {@code x-amzn-ErrorType} and the {@code {"Type","message"}} body the SDK parses.
 */
final class InvokeApi {

    private static final String FUNCTIONS = "/2015-03-31/functions";
    private static final int MAX_SYNC_PAYLOAD = 6_291_456;
    private static final int MAX_ASYNC_PAYLOAD = 1_048_576;
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final String SUPPORTED = "Invoke (POST " + FUNCTIONS + "/{FunctionName}/invocations), "
            + "GetFunction (GET " + FUNCTIONS + "/{FunctionName}), "
            + "GetFunctionConfiguration (GET " + FUNCTIONS + "/{FunctionName}/configuration), "
            + "ListFunctions (GET " + FUNCTIONS + "/)";

    private final LambdaService service;
    private final Map<Path, String> codeHashes = new HashMap<>();

    InvokeApi(LambdaService service) {
        this.service = service;
    }

    AwsResponse handle(AwsRequest request) {
        try {
            return route(request);
        } catch (AwsServiceException e) {
            return error(e);
        }
    }

    private AwsResponse route(AwsRequest request) {
        String path = request.path();
        String method = request.method();
        if (path.equals(FUNCTIONS) || path.equals(FUNCTIONS + "/")) {
            if (method.equals("GET")) {
                return listFunctions(request);
            }
        } else if (path.startsWith(FUNCTIONS + "/")) {
            String[] parts = path.substring(FUNCTIONS.length() + 1).split("/");
            String name = decode(parts[0]);
            String qualifier = query(request.rawQuery()).get("Qualifier");
            String reference = qualifier == null || name.startsWith("arn:") && name.split(":").length == 8 ? name : name + ":" + qualifier;
            if (parts.length == 1 && method.equals("GET")) {
                return json(200, getFunction(service.resolve(reference)));
            }
            if (parts.length == 2 && parts[1].equals("configuration") && method.equals("GET")) {
                return json(200, configuration(service.resolve(reference)));
            }
            if (parts.length == 2 && parts[1].equals("invocations") && method.equals("POST")) {
                return invoke(reference, request);
            }
        }
        throw new AwsServiceException(400, "UnknownOperationException", "local-cloud Lambda does not support "
                + method + " " + path + "; supported operations: " + SUPPORTED);
    }

    private AwsResponse invoke(String reference, AwsRequest request) {
        DeployedFunction function = service.resolve(reference);
        String type = header(request, "X-Amz-Invocation-Type", "RequestResponse");
        byte[] payload = request.body() == null ? new byte[0] : request.body();
        switch (type) {
            case "RequestResponse", "Event", "DryRun" -> {
            }
            default -> throw new AwsServiceException(400, "ValidationException", "1 validation error detected: Value '" + type
                    + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }
        int limit = type.equals("Event") ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
        if (payload.length > limit) {
            throw LambdaErrors.tooLarge(limit, type.equals("Event") ? "InvokeAsync" : "Invoke");
        }
        if (payload.length > 0) {
            try {
                Json.MAPPER.readTree(payload);
            } catch (JsonProcessingException e) {
                throw LambdaErrors.invalidContent("Could not parse request body into json: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw LambdaErrors.invalidContent("Could not parse request body into json: " + e.getMessage());
            }
        }
        if (type.equals("DryRun")) {
            return new AwsResponse(204, Map.of("x-amzn-RequestId", UUID.randomUUID().toString()), new byte[0]);
        }
        if (type.equals("Event")) {
            String requestId = service.invokeAsync(reference, payload, request.header("X-Amzn-Trace-Id"));
            return new AwsResponse(202, Map.of("x-amzn-RequestId", requestId, "Content-Type", "application/json"), new byte[0]);
        }
        DeployedFunction.Completed completed = service.invoke(reference, payload,
                request.header("X-Amzn-Trace-Id"), clientContext(request));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-amzn-RequestId", completed.requestId());
        headers.put("X-Amz-Executed-Version", "$LATEST");
        if (completed.outcome().failed()) {
            headers.put("X-Amz-Function-Error", "Unhandled");
        }
        if ("Tail".equals(request.header("X-Amz-Log-Type"))) {
            headers.put("X-Amz-Log-Result", completed.logTail());
        }
        return new AwsResponse(200, headers, completed.outcome().payload());
    }

    /** {@code X-Amz-Client-Context} is base64 JSON; the runtime receives the JSON. */
    private static String clientContext(AwsRequest request) {
        String encoded = request.header("X-Amz-Client-Context");
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw LambdaErrors.invalidContent("Client context must be a valid Base64-encoded JSON object.");
        }
    }

    private AwsResponse listFunctions(AwsRequest request) {
        Map<String, String> query = query(request.rawQuery());
        List<DeployedFunction> all = service.deployed();
        int start = 0;
        if (query.containsKey("Marker")) {
            try {
                start = Integer.parseInt(query.get("Marker"));
            } catch (NumberFormatException e) {
                throw LambdaErrors.invalidParameter("Marker '" + query.get("Marker") + "' was not returned by ListFunctions");
            }
        }
        int max = query.containsKey("MaxItems") ? Math.max(1, Math.min(50, Integer.parseInt(query.get("MaxItems")))) : 50;
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("Functions");
        int end = Math.min(all.size(), start + max);
        for (int i = start; i < end; i++) {
            list.add(configuration(all.get(i)));
        }
        if (end < all.size()) {
            body.put("NextMarker", Integer.toString(end));
        }
        return json(200, body);
    }

    private ObjectNode getFunction(DeployedFunction function) {
        ObjectNode body = Json.object();
        body.set("Configuration", configuration(function));
        ObjectNode code = body.putObject("Code");
        code.put("RepositoryType", "S3");
        code.put("Location", function.config().codePath().toAbsolutePath().toUri().toString());
        body.putObject("Tags");
        return body;
    }

    private ObjectNode configuration(DeployedFunction function) {
        FunctionConfig config = function.config();
        ObjectNode node = Json.object();
        node.put("FunctionName", config.functionName());
        node.put("FunctionArn", function.arn());
        node.put("Runtime", InstanceLauncher.runtimeName(config));
        if (config.roleArn() != null) {
            node.put("Role", config.roleArn());
        }
        node.put("Handler", config.handler());
        node.put("CodeSize", codeSize(config.codePath()));
        node.put("Description", "");
        node.put("Timeout", config.timeoutSeconds());
        node.put("MemorySize", config.memorySizeMb());
        node.put("LastModified", LAST_MODIFIED.format(function.lastModified()));
        node.put("CodeSha256", codeSha256(config.codePath()));
        node.put("Version", "$LATEST");
        ObjectNode variables = node.putObject("Environment").putObject("Variables");
        (config.environment() == null ? Map.<String, String>of() : config.environment()).forEach(variables::put);
        node.putObject("TracingConfig").put("Mode", "PassThrough");
        node.put("State", "Active");
        node.put("LastUpdateStatus", "Successful");
        node.put("PackageType", "Zip");
        node.putArray("Architectures").add("x86_64");
        node.putObject("EphemeralStorage").put("Size", 512);
        ObjectNode logging = node.putObject("LoggingConfig");
        logging.put("LogFormat", "Text");
        logging.put("LogGroup", "/aws/lambda/" + config.functionName());
        return node;
    }

    private static long codeSize(Path code) {
        try {
            return Files.isRegularFile(code) ? Files.size(code) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Base64 SHA-256 of the artifact, as GetFunction reports it; computed once per artifact. */
    private synchronized String codeSha256(Path code) {
        return codeHashes.computeIfAbsent(code, p -> {
            if (!Files.isRegularFile(p)) {
                return "";
            }
            try (InputStream in = new DigestInputStream(Files.newInputStream(p), MessageDigest.getInstance("SHA-256"))) {
                in.transferTo(OutputStream.nullOutputStream());
                return Base64.getEncoder().encodeToString(((DigestInputStream) in).getMessageDigest().digest());
            } catch (IOException | NoSuchAlgorithmException e) {
                return "";
            }
        });
    }

    private static AwsResponse json(int status, ObjectNode body) {
        return new AwsResponse(status, Map.of("Content-Type", "application/json",
                "x-amzn-RequestId", UUID.randomUUID().toString()), Json.bytes(body));
    }

    private static AwsResponse error(AwsServiceException e) {
        ObjectNode body = Json.object();
        if (e.status() == 429) {
            body.put("Reason", "ReservedFunctionConcurrentInvocationLimitExceeded");
        }
        body.put("Type", e.status() >= 500 ? "Service" : "User");
        body.put("message", e.getMessage());
        return new AwsResponse(e.status(), Map.of(
                "Content-Type", "application/json",
                "x-amzn-ErrorType", e.errorCode(),
                "x-amzn-RequestId", UUID.randomUUID().toString()), Json.bytes(body));
    }

    private static String header(AwsRequest request, String name, String fallback) {
        String value = request.header(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            query.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return query;
    }

    /** Percent-decoding for path segments and query values; a literal '+' stays a '+'. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
