package com.wildrydes.localcloud.cloudformation.engine;

import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.apigateway.RestApi;
import com.wildrydes.localcloud.cloudformation.CloudFormationContext;
import com.wildrydes.localcloud.cloudformation.CloudFormationException;
import com.wildrydes.localcloud.cloudformation.DeployFailedException;
import com.wildrydes.localcloud.cloudformation.StackStatus;
import com.wildrydes.localcloud.cloudformation.intrinsics.Conditions;
import com.wildrydes.localcloud.cloudformation.intrinsics.Intrinsics;
import com.wildrydes.localcloud.cloudformation.intrinsics.NoValue;
import com.wildrydes.localcloud.cloudformation.intrinsics.Reference;
import com.wildrydes.localcloud.cloudformation.intrinsics.References;
import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.cloudformation.parameters.ParameterResolver;
import com.wildrydes.localcloud.cloudformation.parameters.ResolvedParameters;
import com.wildrydes.localcloud.cloudformation.resources.PhysicalNames;
import com.wildrydes.localcloud.cloudformation.resources.Provisioned;
import com.wildrydes.localcloud.cloudformation.resources.ResourceProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.ResourceRequest;
import com.wildrydes.localcloud.cloudformation.resources.ResourceState;
import com.wildrydes.localcloud.cloudformation.resources.RestApiProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.StackInfo;
import com.wildrydes.localcloud.cloudformation.sam.SamTransform;
import com.wildrydes.localcloud.cloudformation.template.Template;
import com.wildrydes.localcloud.cloudformation.template.TemplateException;
import com.wildrydes.localcloud.cloudformation.template.TemplateOutput;
import com.wildrydes.localcloud.cloudformation.template.TemplateParser;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.json.Json;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Deploys one template as a stack (create or update) and tears stacks down. A deploy first checks
 * everything it can without touching anything (the template, parameters, types, properties,
 * references, order); then it creates, updates and keeps resources in dependency order, undoing
 * its own changes in reverse order if one fails; then it deletes what the template no longer has.
 */
public final class StackDeployer {

    private static final Logger LOG = Logger.getLogger(StackDeployer.class.getName());

    private final CloudFormationContext context;
    private final ProvisionerRegistry registry;
    private final SamTransform sam;

    public StackDeployer(CloudFormationContext context, ProvisionerRegistry registry, SamTransform sam) {
        this.context = context;
        this.registry = registry;
        this.sam = sam;
    }

    /** A change this deploy made, and how to undo it. */
    private sealed interface Change {
        record Created(ResourceState after) implements Change {
        }

        /** {@code after} is {@code before} while the update has not completed. */
        record Updated(ResourceState before, ResourceState after) implements Change {
        }

        /** A resource deleted because the template gave its logical id another type. */
        record Removed(ResourceState before) implements Change {
        }
    }

    /** What the checks before a deploy establish. */
    private record Plan(Template template, StackInfo stack, ResolvedParameters parameters, Map<String, Boolean> conditions,
                        Map<String, TemplateResource> active, List<String> order) {
    }

    /**
     * @param existing    the stack's current state, or null to create it
     * @param otherStacks every other stack, for Fn::ImportValue and export names
     */
    public StackState deploy(String stackName, Path templateFile, Map<String, String> overrides, StackState existing,
                             Collection<StackState> otherStacks) {
        Plan plan = plan(stackName, templateFile, overrides, existing, otherStacks);
        String file = plan.template().displayName();
        LinkedHashMap<String, ResourceState> previous = existing == null ? new LinkedHashMap<>() : existing.resources();
        LinkedHashMap<String, ResourceState> current = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        List<ResourceState> replacedLater = new ArrayList<>();
        DeployResolution resolution = new DeployResolution(plan.stack(), plan.parameters().values(), plan.conditions(),
                plan.template().mappings(), plan.template().resources(), current, registry, exports(otherStacks));
        Intrinsics intrinsics = new Intrinsics(resolution);
        ExecuteApiUrls urls = new ExecuteApiUrls(context.edgeUrl().get(), apiIds(plan));

        String failedId = null;
        String failedType = null;
        String action = "create";
        Map<String, String> outputs = new LinkedHashMap<>();
        Map<String, String> exports = new LinkedHashMap<>();
        try {
            for (String id : plan.order()) {
                TemplateResource resource = plan.active().get(id);
                failedId = id;
                failedType = resource.type();
                action = previous.containsKey(id) ? "update" : "create";
                Map<String, Object> properties = Values.map(urls.rewrite(intrinsics.resolve(resource.properties(), "")), id);
                ResourceRequest request = new ResourceRequest(plan.stack(), id, resource.type(), properties);
                current.put(id, apply(request, previous.get(id), changes, replacedLater));
            }
            failedId = null;
            failedType = null;
            resolveOutputs(plan, intrinsics, urls, otherStacks, outputs, exports);
        } catch (RuntimeException e) {
            List<String> undone = rollBack(changes, previous);
            String subject = failedId == null ? "the stack's Outputs" : "resource " + failedId + " (" + failedType + ")";
            String verb = failedId == null ? "could not be resolved" : "failed to " + action;
            String cause = cause(e);
            String sentence = cause.endsWith(".") ? cause.substring(0, cause.length() - 1) : cause;
            throw new DeployFailedException(stackName + " (" + file + "): " + subject + " " + verb + ": " + sentence
                    + (undone.isEmpty() ? "" : ". Rolled back: " + String.join(", ", undone)), failedId, failedType, e);
        }

        Set<String> removed = new LinkedHashSet<>(previous.keySet());
        removed.removeAll(current.keySet());
        List<String> removedIds = new ArrayList<>(removed);
        for (int i = removedIds.size() - 1; i >= 0; i--) {
            deleteQuietly(plan.stack().stackName(), previous.get(removedIds.get(i)));
        }
        for (ResourceState replaced : replacedLater) {
            deleteQuietly(plan.stack().stackName(), replaced);
        }

        Map<String, String> parameters = plan.parameters().displayed();
        boolean unchanged = existing != null && changes.isEmpty() && removed.isEmpty()
                && existing.outputs().equals(outputs) && existing.exports().equals(exports)
                && existing.parameters().equals(parameters);
        if (unchanged) {
            LOG.info(stackName + ": No updates are to be performed.");
            return existing;
        }
        StackStatus status = existing == null ? StackStatus.CREATE_COMPLETE : StackStatus.UPDATE_COMPLETE;
        LOG.info(stackName + ": " + status);
        return new StackState(stackName, plan.stack().stackId(), status, templateFile, parameters, outputs, exports,
                current, Instant.now());
    }

    /**
     * Creates, updates or keeps one resource, recording what it changed in {@code changes}.
     *
     * @param before        the resource as the previous deploy left it; null if it is new
     * @param replacedLater collects resources an update replaced, to be deleted once the stack has updated
     */
    private ResourceState apply(ResourceRequest request, ResourceState before, List<Change> changes,
                                List<ResourceState> replacedLater) {
        ResourceProvisioner provisioner = registry.find(request.type()).orElseThrow();
        Map<String, Object> fingerprint = provisioner.fingerprint(request);
        if (before != null && !before.type().equals(request.type())) {
            registry.find(before.type()).orElseThrow().delete(before);
            changes.add(new Change.Removed(before));
            before = null;
        }
        if (before == null) {
            ResourceState created = state(request, provisioner.create(request), fingerprint);
            changes.add(new Change.Created(created));
            log(request.stack(), "CREATE_COMPLETE", created);
            return created;
        }
        if (before.properties().equals(request.properties()) && before.fingerprint().equals(fingerprint)) {
            return before;
        }
        int index = changes.size();
        changes.add(new Change.Updated(before, before));
        ResourceState updated = state(request, provisioner.update(request, before), fingerprint);
        changes.set(index, new Change.Updated(before, updated));
        if (!updated.physicalId().equals(before.physicalId()) && provisioner.deletesReplacedResourceAfterUpdate()) {
            replacedLater.add(before);
        }
        log(request.stack(), "UPDATE_COMPLETE", updated);
        return updated;
    }

    /**
     * The state after a failed update: the previous resources as the rollback restored them.
     */
    public StackState rolledBack(StackState existing) {
        return existing.withStatus(StackStatus.UPDATE_ROLLBACK_COMPLETE, existing.resources());
    }

    /** Deletes every resource, last created first. Failures are logged and the teardown goes on. */
    public List<String> delete(StackState stack) {
        List<ResourceState> resources = new ArrayList<>(stack.resources().values());
        List<String> failures = new ArrayList<>();
        for (int i = resources.size() - 1; i >= 0; i--) {
            String failure = deleteQuietly(stack.name(), resources.get(i));
            if (failure != null) {
                failures.add(failure);
            }
        }
        LOG.info(stack.name() + ": DELETE_COMPLETE" + (failures.isEmpty() ? "" : " (with errors: " + failures + ")"));
        return failures;
    }

    private Plan plan(String stackName, Path templateFile, Map<String, String> overrides, StackState existing,
                      Collection<StackState> otherStacks) {
        if (!stackName.matches("[a-zA-Z][-a-zA-Z0-9]{0,127}")) {
            throw new CloudFormationException("Stack name " + stackName + " is not valid: it must start with a letter and"
                    + " contain only letters, digits and hyphens (at most 128 characters)");
        }
        Template raw = TemplateParser.read(templateFile);
        String file = raw.displayName();
        String stackId = existing != null ? existing.id()
                : "arn:aws:cloudformation:" + context.region() + ":" + context.accountId() + ":stack/" + stackName + "/" + UUID.randomUUID();
        StackInfo stack = new StackInfo(stackName, stackId, raw.directory(), file, context.region(), context.accountId());
        ResolvedParameters parameters;
        try {
            parameters = ParameterResolver.resolve(raw.parameters(), overrides, this::ssmParameter);
        } catch (CloudFormationException e) {
            throw new TemplateException(file + ": " + e.getMessage(), e);
        }
        Template template = sam.apply(raw, parameters.values());
        Map<String, Boolean> conditions;
        try {
            conditions = Conditions.evaluate(template.conditions(), new DeployResolution(stack, parameters.values(), Map.of(),
                    template.mappings(), template.resources(), null, registry, name -> Optional.empty()));
        } catch (CloudFormationException e) {
            throw new TemplateException(file + ": " + e.getMessage(), e);
        }
        Map<String, TemplateResource> active = new LinkedHashMap<>();
        for (TemplateResource resource : template.resources().values()) {
            if (resource.condition() != null && !conditions.containsKey(resource.condition())) {
                throw new TemplateException(file + ": resource " + resource.logicalId() + " names the condition "
                        + resource.condition() + ", which is not defined in the Conditions section");
            }
            if (resource.condition() == null || conditions.get(resource.condition())) {
                active.put(resource.logicalId(), resource);
            }
        }
        LinkedHashMap<String, Set<String>> dependencies = new LinkedHashMap<>();
        for (TemplateResource resource : active.values()) {
            dependencies.put(resource.logicalId(), validate(file, stack, template, conditions, active, resource));
        }
        for (TemplateOutput output : template.outputs().values()) {
            if (output.condition() != null && !conditions.containsKey(output.condition())) {
                throw new TemplateException(file + ": output " + output.name() + " names the condition " + output.condition()
                        + ", which is not defined in the Conditions section");
            }
            if (output.condition() == null || conditions.get(output.condition())) {
                try {
                    Intrinsics.checkSupported(output.value(), conditions.keySet());
                    Intrinsics.checkSupported(output.exportName(), conditions.keySet());
                } catch (CloudFormationException e) {
                    throw new TemplateException(file + ": output " + output.name() + ": " + e.getMessage(), e);
                }
                List<Object> values = new ArrayList<>();
                values.add(output.value());
                values.add(output.exportName());
                checkReferences(file, "output " + output.name(), template, conditions, active, References.in(values, conditions));
            }
        }
        List<String> order;
        try {
            order = DependencyGraph.creationOrder(dependencies);
        } catch (DependencyGraph.CycleException e) {
            throw new TemplateException(file + ": " + e.getMessage());
        }
        return new Plan(template, stack, parameters, conditions, active, order);
    }

    /** Checks one resource before anything is created; returns the resources it needs first. */
    private Set<String> validate(String file, StackInfo stack, Template template, Map<String, Boolean> conditions,
                                 Map<String, TemplateResource> active, TemplateResource resource) {
        String where = file + ": resource " + resource.logicalId() + " (" + resource.type() + ")";
        ResourceProvisioner provisioner = registry.find(resource.type()).orElseThrow(() -> new TemplateException(file
                + ": resource " + resource.logicalId() + " has the type " + resource.type()
                + ", which local-cloud does not support; supported types: " + registry.supportedTypes()));
        if (!provisioner.acceptsAnyProperty()) {
            for (String property : resource.properties().keySet()) {
                if (!provisioner.properties().contains(property)) {
                    throw new TemplateException(where + " has the property " + property + ", which local-cloud does not"
                            + " support; supported properties: " + String.join(", ", new TreeSet<>(provisioner.properties())));
                }
            }
        }
        try {
            Intrinsics.checkSupported(resource.properties(), conditions.keySet());
            provisioner.validate(stack, resource);
        } catch (CloudFormationException e) {
            throw new TemplateException(where + ": " + e.getMessage(), e);
        }
        Set<String> needs = new LinkedHashSet<>();
        for (String dependency : resource.dependsOn()) {
            if (!template.resources().containsKey(dependency)) {
                throw new TemplateException(where + ": DependsOn names " + dependency + ", but the template has no such"
                        + " resource (Unresolved resource dependencies [" + dependency + "] in the Resources block of the template)");
            }
            if (!active.containsKey(dependency)) {
                throw new TemplateException(where + ": DependsOn names " + dependency + ", which is not created because its"
                        + " condition " + template.resources().get(dependency).condition() + " is false");
            }
            needs.add(dependency);
        }
        needs.addAll(checkReferences(file, "resource " + resource.logicalId() + " (" + resource.type() + ")", template,
                conditions, active, References.in(resource.properties(), conditions)));
        if (needs.contains(resource.logicalId())) {
            throw new TemplateException(where + " refers to itself (Circular dependency between resources: "
                    + resource.logicalId() + " -> " + resource.logicalId() + ")");
        }
        return needs;
    }

    /** Every referenced name must be a parameter, a pseudo parameter or a created resource with that attribute. */
    private Set<String> checkReferences(String file, String subject, Template template, Map<String, Boolean> conditions,
                                        Map<String, TemplateResource> active, Set<Reference> references) {
        Set<String> resources = new LinkedHashSet<>();
        for (Reference reference : references) {
            String target = reference.target();
            boolean isValue = template.parameters().containsKey(target) || PseudoParameters.NAMES.contains(target);
            if (!reference.getAtt() && isValue) {
                continue;
            }
            TemplateResource resource = template.resources().get(target);
            if (resource == null) {
                throw new TemplateException(file + ": " + subject + " refers to " + target + ", which is not a "
                        + (reference.getAtt() ? "resource" : "parameter or resource") + " of the template (Unresolved"
                        + " resource dependencies [" + target + "] in the Resources block of the template)");
            }
            if (!active.containsKey(target)) {
                throw new TemplateException(file + ": " + subject + " refers to " + target + ", which is not created"
                        + " because its condition " + resource.condition() + " is false");
            }
            if (reference.getAtt() && reference.attribute() != null) {
                ResourceProvisioner provisioner = registry.find(resource.type()).orElse(null);
                if (provisioner != null && !provisioner.acceptsAnyAttribute()
                        && !provisioner.attributes().contains(reference.attribute())) {
                    throw new TemplateException(file + ": " + subject + ": "
                            + DeployResolution.unsupportedAttribute(target, resource.type(), reference.attribute(), provisioner));
                }
            }
            resources.add(target);
        }
        return resources;
    }

    private void resolveOutputs(Plan plan, Intrinsics intrinsics, ExecuteApiUrls urls, Collection<StackState> otherStacks,
                                Map<String, String> outputs, Map<String, String> exports) {
        for (TemplateOutput output : plan.template().outputs().values()) {
            if (output.condition() != null && !plan.conditions().get(output.condition())) {
                continue;
            }
            Object value = intrinsics.resolve(output.value(), "Outputs." + output.name() + ".Value");
            if (value == NoValue.INSTANCE || value instanceof Map<?, ?> || value instanceof List<?>) {
                throw new CloudFormationException("Outputs." + output.name() + ".Value must resolve to a string, not "
                        + (value == NoValue.INSTANCE ? "AWS::NoValue" : Values.describe(value)));
            }
            String text = urls.rewrite(Values.string(value, "Outputs." + output.name() + ".Value"));
            outputs.put(output.name(), text);
            if (output.exportName() != null) {
                String exportName = intrinsics.resolveString(output.exportName(), "Outputs." + output.name() + ".Export.Name");
                for (StackState other : otherStacks) {
                    if (other.exports().containsKey(exportName)) {
                        throw new CloudFormationException("Export with name " + exportName + " is already exported by stack "
                                + other.name());
                    }
                }
                if (exports.put(exportName, text) != null) {
                    throw new CloudFormationException("two outputs export the name " + exportName);
                }
            }
        }
    }

    /**
     * Undoes a failed deploy's changes, newest first; returns what it did, and what it could not do.
     * Restored resources replace their entries in {@code previous}, which then describes the stack again.
     */
    private List<String> rollBack(List<Change> changes, LinkedHashMap<String, ResourceState> previous) {
        List<String> undone = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change change = changes.get(i);
            try {
                switch (change) {
                    case Change.Created created -> {
                        registry.find(created.after().type()).orElseThrow().delete(created.after());
                        undone.add("deleted " + created.after().logicalId());
                    }
                    case Change.Updated updated -> {
                        ResourceState before = updated.before();
                        ResourceProvisioner provisioner = registry.find(before.type()).orElseThrow();
                        Provisioned restored = provisioner.update(before.request(), updated.after());
                        previous.put(before.logicalId(), new ResourceState(before.stack(), before.logicalId(), before.type(),
                                restored.physicalId(), before.properties(), restored.attributes(), before.fingerprint()));
                        undone.add("restored " + before.logicalId());
                    }
                    case Change.Removed removed -> {
                        ResourceState before = removed.before();
                        Provisioned restored = registry.find(before.type()).orElseThrow().create(before.request());
                        previous.put(before.logicalId(), new ResourceState(before.stack(), before.logicalId(), before.type(),
                                restored.physicalId(), before.properties(), restored.attributes(), before.fingerprint()));
                        undone.add("restored " + before.logicalId());
                    }
                }
            } catch (RuntimeException e) {
                String id = switch (change) {
                    case Change.Created c -> c.after().logicalId();
                    case Change.Updated u -> u.before().logicalId();
                    case Change.Removed r -> r.before().logicalId();
                };
                LOG.warning("Rolling back " + id + " failed: " + cause(e));
                undone.add("could not roll back " + id + " (" + cause(e) + ")");
            }
        }
        return undone;
    }

    /** Deletes one resource, logging instead of throwing; returns the failure, or null. */
    private String deleteQuietly(String stackName, ResourceState resource) {
        try {
            registry.find(resource.type()).orElseThrow().delete(resource);
            LOG.info(stackName + ": DELETE_COMPLETE " + resource.logicalId() + " (" + resource.type() + ") " + resource.physicalId());
            return null;
        } catch (RuntimeException e) {
            String failure = resource.logicalId() + " (" + resource.type() + "): " + cause(e);
            LOG.warning(stackName + ": DELETE_FAILED " + failure);
            return failure;
        }
    }

    private static ResourceState state(ResourceRequest request, Provisioned provisioned, Map<String, Object> fingerprint) {
        if (provisioned.physicalId() == null || provisioned.physicalId().isEmpty()) {
            throw new IllegalStateException("the provisioner of " + request.type() + " returned no physical id");
        }
        return new ResourceState(request.stack(), request.logicalId(), request.type(), provisioned.physicalId(),
                request.properties(), provisioned.attributes(), fingerprint);
    }

    private static void log(StackInfo stack, String status, ResourceState state) {
        LOG.info(stack.stackName() + ": " + status + " " + state.logicalId() + " (" + state.type() + ") " + state.physicalId());
    }

    /** The APIs whose execute-api URLs are local: those API Gateway serves, and those this deploy creates. */
    private Set<String> apiIds(Plan plan) {
        Set<String> ids = new HashSet<>();
        for (RestApi api : context.apiGateway().apis()) {
            ids.add(api.apiId());
        }
        for (TemplateResource resource : plan.active().values()) {
            if (resource.type().equals(RestApiProvisioner.TYPE)) {
                ids.add(PhysicalNames.apiId(plan.stack().stackName(), resource.logicalId()));
            }
        }
        return ids;
    }

    private static Function<String, Optional<String>> exports(Collection<StackState> otherStacks) {
        return name -> otherStacks.stream().map(s -> s.exports().get(name)).filter(Objects::nonNull).findFirst();
    }

    private Optional<String> ssmParameter(String name) {
        try {
            JsonNode output = context.ssm().call("GetParameter", Json.object().put("Name", name));
            return Optional.of(output.path("Parameter").path("Value").asText());
        } catch (AwsServiceException e) {
            if ("ParameterNotFound".equals(e.errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static String cause(Throwable e) {
        if (e instanceof AwsServiceException aws) {
            return aws.errorCode() + ": " + aws.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
