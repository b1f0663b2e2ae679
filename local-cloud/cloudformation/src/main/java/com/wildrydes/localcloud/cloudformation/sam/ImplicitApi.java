package com.wildrydes.localcloud.cloudformation.sam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;
import com.wildrydes.localcloud.json.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API SAM creates for {@code Events: Type: Api} without a RestApiId: {@code ServerlessRestApi}
 * with a Swagger body, {@code ServerlessRestApiDeployment<hash>}, the {@code Prod} stage
 * {@code ServerlessRestApiProdStage}, and per event {@code <Function><Event>PermissionProd}.
 */
final class ImplicitApi {

    static final String API_ID = "ServerlessRestApi";
    static final String STAGE_ID = "ServerlessRestApiProdStage";
    static final String STAGE_NAME = "Prod";
    static final Set<String> EVENT_PROPERTIES = Set.of("Path", "Method");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options", "any");
    private static final String ANY_METHOD = "x-amazon-apigateway-any-method";

    private final Map<String, Object> paths = new LinkedHashMap<>();

    /** Adds one Api event's route and returns its Lambda permission. */
    TemplateResource add(SamEvent event, String path, String method) {
        if (!path.startsWith("/")) {
            throw new SamException("Events." + event.eventName() + ": Path " + path + " must start with /");
        }
        String lower = method.toLowerCase(Locale.ROOT);
        if (!METHODS.contains(lower)) {
            throw new SamException("Events." + event.eventName() + ": Method " + method + " is not an HTTP method; supported: "
                    + String.join(", ", new TreeSet<>(METHODS)));
        }
        if (event.condition() != null) {
            throw new SamException("Events." + event.eventName() + ": local-cloud does not support Api events on a function"
                    + " with a Condition");
        }
        String swaggerMethod = lower.equals("any") ? ANY_METHOD : lower;
        Map<String, Object> operations = Values.map(paths.computeIfAbsent(path, p -> new LinkedHashMap<>()), path);
        if (operations.containsKey(swaggerMethod)) {
            throw new SamException("Events." + event.eventName() + ": another Api event already serves "
                    + method.toUpperCase(Locale.ROOT) + " " + path);
        }
        Map<String, Object> integration = new LinkedHashMap<>();
        integration.put("httpMethod", "POST");
        integration.put("type", "aws_proxy");
        integration.put("uri", Map.of("Fn::Sub",
                "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${" + functionArn(event) + "}/invocations"));
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("x-amazon-apigateway-integration", integration);
        operation.put("responses", new LinkedHashMap<>());
        operations.put(swaggerMethod, operation);

        String sourcePath = path.replaceAll("\\{[^}]*}", "*");
        String sourceMethod = lower.equals("any") ? "*" : lower.toUpperCase(Locale.ROOT);
        Map<String, Object> permission = new LinkedHashMap<>();
        permission.put("Action", "lambda:InvokeFunction");
        permission.put("FunctionName", Values.copy(event.functionTarget()));
        permission.put("Principal", "apigateway.amazonaws.com");
        permission.put("SourceArn", Map.of("Fn::Sub", List.of(
                "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/" + sourceMethod + sourcePath,
                Map.of("__ApiId__", Map.of("Ref", API_ID), "__Stage__", "*"))));
        return new TemplateResource(event.functionLogicalId() + event.eventName() + "Permission" + STAGE_NAME,
                "AWS::Lambda::Permission", permission);
    }

    boolean isEmpty() {
        return paths.isEmpty();
    }

    /** The API, its deployment (named by a hash of the body, so a changed API gets a new deployment) and stage. */
    List<TemplateResource> resources() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("swagger", "2.0");
        body.put("info", Map.of("version", "1.0", "title", Map.of("Ref", "AWS::StackName")));
        body.put("paths", paths);
        String digest = sha1(body);
        String deploymentId = API_ID + "Deployment" + digest.substring(0, 10);
        Map<String, Object> deployment = new LinkedHashMap<>();
        deployment.put("RestApiId", Map.of("Ref", API_ID));
        deployment.put("Description", "RestApi deployment id: " + digest);
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("DeploymentId", Map.of("Ref", deploymentId));
        stage.put("RestApiId", Map.of("Ref", API_ID));
        stage.put("StageName", STAGE_NAME);
        return List.of(
                new TemplateResource(API_ID, "AWS::ApiGateway::RestApi", Map.of("Body", body)),
                new TemplateResource(deploymentId, "AWS::ApiGateway::Deployment", deployment),
                new TemplateResource(STAGE_ID, "AWS::ApiGateway::Stage", stage));
    }

    /** {@code Function.Arn}, or the alias (whose Ref is its ARN), as SAM writes it into the integration URI. */
    private static String functionArn(SamEvent event) {
        if (event.functionTarget() instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id) {
            return id.equals(event.functionLogicalId()) ? id + ".Arn" : id;
        }
        throw new IllegalStateException("an event target is {Ref: ...}");
    }

    static String sha1(Object value) {
        try {
            byte[] canonical = Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
