package com.wildrydes.localcloud.cloudformation.sam;

import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.cloudformation.resources.Artifacts;
import com.wildrydes.localcloud.cloudformation.resources.LambdaFunctionProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.ProvisioningException;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * One {@code AWS::Serverless::Function} into what SAM generates for it: {@code <Id>Role}, the
 * {@code AWS::Lambda::Function} itself, {@code <Id>Version<hash>} and {@code <Id>Alias<Name>} for
 * AutoPublishAlias, {@code <Id>EventInvokeConfig}, and each event's resources.
 */
final class SamFunctionTransform {

    static final String TYPE = "AWS::Serverless::Function";
    static final Set<String> PROPERTIES = Set.of("Handler", "Runtime", "CodeUri", "MemorySize", "Timeout", "Environment",
            "Policies", "Events", "AutoPublishAlias", "Architectures", "Description", "DeadLetterQueue", "EventInvokeConfig",
            "Tracing", "FunctionName", "Role", "Tags");
    private static final Logger LOG = Logger.getLogger(SamFunctionTransform.class.getName());

    private final Path templateDirectory;
    private final Map<String, SamEventSource> eventSources;
    private final ImplicitApi api;
    /** Resolves a value SAM needs as a literal: a string, or a Ref to a parameter. */
    private final BiFunction<Object, String, String> literal;

    SamFunctionTransform(Path templateDirectory, Map<String, SamEventSource> eventSources, ImplicitApi api,
                         BiFunction<Object, String, String> literal) {
        this.templateDirectory = templateDirectory;
        this.eventSources = eventSources;
        this.api = api;
        this.literal = literal;
    }

    List<TemplateResource> expand(TemplateResource function, Map<String, Object> globals) {
        String id = function.logicalId();
        Map<String, Object> properties = SamGlobals.merge(globals, function.properties());
        for (String key : properties.keySet()) {
            if (!PROPERTIES.contains(key)) {
                throw new SamException("the property " + key + " is not supported by local-cloud; supported properties: "
                        + String.join(", ", new TreeSet<>(PROPERTIES)));
            }
        }
        for (String required : List.of("Handler", "Runtime", "CodeUri")) {
            if (properties.get(required) == null) {
                throw new SamException("the property " + required + " is required");
            }
        }
        String codeUri = literal.apply(properties.get("CodeUri"), "CodeUri");
        String codeDigest;
        try {
            codeDigest = Artifacts.digest(Artifacts.locate(templateDirectory, "CodeUri", codeUri));
        } catch (ProvisioningException e) {
            throw new SamException(e.getMessage());
        }
        if (properties.get("Runtime") instanceof String runtime && !LambdaFunctionProvisioner.RUNTIMES.contains(runtime)) {
            throw new SamException("Runtime " + runtime + " is not supported: local-cloud runs Java functions on the runtimes "
                    + String.join(", ", new TreeSet<>(LambdaFunctionProvisioner.RUNTIMES).descendingSet()));
        }

        List<TemplateResource> out = new ArrayList<>();
        SamPolicies policies = new SamPolicies();
        boolean generatedRole = properties.get("Role") == null;
        if (!generatedRole && properties.get("Policies") != null) {
            throw new SamException("Policies and Role cannot be used together: SAM adds Policies only to the role it generates");
        }
        if (properties.get("Policies") != null) {
            policies.add(properties.get("Policies"));
        }

        Map<String, Object> lambda = new LinkedHashMap<>();
        lambda.put("Code", codeUri);
        copy(properties, lambda, "FunctionName", "Handler", "Runtime", "MemorySize", "Timeout", "Environment", "Description",
                "Architectures");
        lambda.put("Role", generatedRole ? Map.of("Fn::GetAtt", List.of(id + "Role", "Arn")) : properties.get("Role"));
        deadLetterQueue(properties, lambda, policies);
        if (properties.get("Tracing") != null) {
            LOG.info(id + ": Tracing is accepted and ignored; local-cloud records no X-Ray traces");
            lambda.put("TracingConfig", Map.of("Mode", properties.get("Tracing")));
        }
        lambda.put("Tags", tags(properties.get("Tags")));

        String alias = properties.get("AutoPublishAlias") == null ? null
                : literal.apply(properties.get("AutoPublishAlias"), "AutoPublishAlias");
        Object target = Map.of("Ref", alias == null ? id : id + "Alias" + alias);
        List<TemplateResource> generated = new ArrayList<>();
        if (alias != null) {
            if (!alias.matches("[A-Za-z0-9]+")) {
                throw new SamException("AutoPublishAlias " + alias + " must be alphanumeric (it becomes part of a logical id)");
            }
            String versionId = id + "Version" + ImplicitApi.sha1(List.of(codeDigest, lambda)).substring(0, 10);
            generated.add(new TemplateResource(versionId, "AWS::Lambda::Version",
                    Map.of("FunctionName", Map.of("Ref", id)), List.of(), function.condition()));
            Map<String, Object> aliasProperties = new LinkedHashMap<>();
            aliasProperties.put("Name", alias);
            aliasProperties.put("FunctionName", Map.of("Ref", id));
            aliasProperties.put("FunctionVersion", Map.of("Fn::GetAtt", List.of(versionId, "Version")));
            generated.add(new TemplateResource(id + "Alias" + alias, "AWS::Lambda::Alias", aliasProperties, List.of(),
                    function.condition()));
        }
        if (properties.get("EventInvokeConfig") != null) {
            generated.add(eventInvokeConfig(id, function.condition(), alias, Values.map(properties.get("EventInvokeConfig"),
                    "EventInvokeConfig"), policies));
        }
        Map<String, Object> events = Values.optionalMap(properties.get("Events"), "Events");
        events.forEach((name, event) -> generated.addAll(event(id, function.condition(), name, event, target, policies, generatedRole)));

        if (generatedRole) {
            out.add(new TemplateResource(id + "Role", "AWS::IAM::Role", policies.roleProperties(id + "Role"), List.of(),
                    function.condition()));
        }
        out.add(new TemplateResource(id, "AWS::Lambda::Function", lambda, function.dependsOn(), function.condition()));
        out.addAll(generated);
        return out;
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String... keys) {
        for (String key : keys) {
            if (from.get(key) != null) {
                to.put(key, from.get(key));
            }
        }
    }

    /** SAM's {@code Tags} map becomes Lambda's list, with SAM's own {@code lambda:createdBy} tag. */
    private static List<Object> tags(Object tags) {
        List<Object> out = new ArrayList<>();
        Values.optionalMap(tags, "Tags").forEach((k, v) -> out.add(Map.of("Key", k, "Value", v)));
        out.add(Map.of("Key", "lambda:createdBy", "Value", "SAM"));
        return out;
    }

    private static void deadLetterQueue(Map<String, Object> properties, Map<String, Object> lambda, SamPolicies policies) {
        if (properties.get("DeadLetterQueue") == null) {
            return;
        }
        Map<String, Object> dlq = Values.map(properties.get("DeadLetterQueue"), "DeadLetterQueue");
        for (String key : dlq.keySet()) {
            if (!key.equals("Type") && !key.equals("TargetArn")) {
                throw new SamException("DeadLetterQueue." + key + " is not supported; DeadLetterQueue has Type and TargetArn");
            }
        }
        Object type = dlq.get("Type");
        Object target = dlq.get("TargetArn");
        if (target == null) {
            throw new SamException("DeadLetterQueue needs a TargetArn");
        }
        if ("SQS".equals(type)) {
            policies.addStatement("sqs:SendMessage", target);
        } else if ("SNS".equals(type)) {
            policies.addStatement("sns:Publish", target);
        } else {
            throw new SamException("DeadLetterQueue.Type must be SQS or SNS, not " + Values.describe(type));
        }
        lambda.put("DeadLetterConfig", Map.of("TargetArn", Values.copy(target)));
    }

    private static TemplateResource eventInvokeConfig(String id, String condition, String alias, Map<String, Object> config,
                                                      SamPolicies policies) {
        Set<String> supported = Set.of("MaximumRetryAttempts", "MaximumEventAgeInSeconds", "DestinationConfig");
        for (String key : config.keySet()) {
            if (!supported.contains(key)) {
                throw new SamException("EventInvokeConfig." + key + " is not supported; supported: " + new TreeSet<>(supported));
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("FunctionName", Map.of("Ref", id));
        properties.put("Qualifier", alias == null ? "$LATEST" : alias);
        copy(config, properties, "MaximumRetryAttempts", "MaximumEventAgeInSeconds");
        Map<String, Object> destinations = Values.optionalMap(config.get("DestinationConfig"), "EventInvokeConfig.DestinationConfig");
        for (String key : destinations.keySet()) {
            if (!key.equals("OnFailure")) {
                throw new SamException("EventInvokeConfig.DestinationConfig." + key + " is not supported by local-cloud;"
                        + " supported: OnFailure");
            }
        }
        if (destinations.get("OnFailure") != null) {
            Map<String, Object> onFailure = Values.map(destinations.get("OnFailure"), "OnFailure");
            Object destination = onFailure.get("Destination");
            if (destination == null) {
                throw new SamException("EventInvokeConfig.DestinationConfig.OnFailure needs a Destination (an ARN)");
            }
            Object type = onFailure.get("Type");
            String action = switch (type instanceof String s ? s : "") {
                case "SQS" -> "sqs:SendMessage";
                case "SNS" -> "sns:Publish";
                case "Lambda" -> "lambda:InvokeFunction";
                case "EventBridge" -> "events:PutEvents";
                case "" -> null;
                default -> throw new SamException("EventInvokeConfig OnFailure Type must be SQS, SNS, Lambda or EventBridge, not " + type);
            };
            if (action != null) {
                policies.addStatement(action, destination);
            }
            properties.put("DestinationConfig", Map.of("OnFailure", Map.of("Destination", Values.copy(destination))));
        }
        List<String> dependsOn = alias == null ? List.of() : List.of(id + "Alias" + alias);
        return new TemplateResource(id + "EventInvokeConfig", "AWS::Lambda::EventInvokeConfig", properties, dependsOn, condition);
    }

    private List<TemplateResource> event(String functionId, String condition, String name, Object definition, Object target,
                                         SamPolicies policies, boolean generatedRole) {
        if (!name.matches("[A-Za-z0-9]+")) {
            throw new SamException("Events." + name + ": event names must be alphanumeric");
        }
        Map<String, Object> event = Values.map(definition, "Events." + name);
        String type = Values.string(event.get("Type"), "Events." + name + ".Type");
        Map<String, Object> properties = Values.optionalMap(event.get("Properties"), "Events." + name + ".Properties");
        Object arn = target.equals(Map.of("Ref", functionId)) ? Map.of("Fn::GetAtt", List.of(functionId, "Arn")) : target;
        SamEvent samEvent = new SamEvent(functionId, name, properties, target, arn, condition);
        if (type.equals("Api")) {
            checkProperties(name, type, properties, ImplicitApi.EVENT_PROPERTIES);
            String path = literal.apply(properties.get("Path"), "Events." + name + ".Path");
            String method = literal.apply(properties.get("Method"), "Events." + name + ".Method");
            return List.of(api.add(samEvent, path, method));
        }
        SamEventSource source = eventSources.get(type);
        if (source == null) {
            TreeSet<String> supported = new TreeSet<>(eventSources.keySet());
            supported.add("Api");
            throw new SamException("Events." + name + " has the type " + type + ", which local-cloud does not support;"
                    + " supported event types: " + String.join(", ", supported));
        }
        checkProperties(name, type, properties, source.properties());
        SamEventExpansion expansion = source.expand(samEvent);
        if (generatedRole) {
            expansion.rolePolicies().forEach(policies::add);
        }
        return expansion.resources();
    }

    private static void checkProperties(String name, String type, Map<String, Object> properties, Set<String> supported) {
        for (String key : properties.keySet()) {
            if (!supported.contains(key)) {
                throw new SamException("Events." + name + " (" + type + ") has the property " + key + ", which local-cloud"
                        + " does not support; supported: " + String.join(", ", new TreeSet<>(supported)));
            }
        }
    }
}
