package com.wildrydes.localcloud.cloudformation.sam;

import com.wildrydes.localcloud.cloudformation.CloudFormationException;
import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.cloudformation.template.Template;
import com.wildrydes.localcloud.cloudformation.template.TemplateException;
import com.wildrydes.localcloud.cloudformation.template.TemplateOutput;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The subset of the SAM transform ({@code AWS::Serverless-2016-10-31}) that this workshop's templates
 * use. It produces the same logical ids SAM does, because templates refer to them
 * ({@code ServerlessRestApi}, {@code <Function>Role}, {@code <Function>Alias<Name>}).
 */
public final class SamTransform {

    public static final Set<String> TYPES = Set.of(SamFunctionTransform.TYPE, SimpleTableTransform.TYPE);

    private final Map<String, SamEventSource> eventSources = new LinkedHashMap<>();

    public SamTransform(Collection<SamEventSource> extraEventSources) {
        for (SamEventSource source : extraEventSources) {
            if (source.type().equals("Api") || eventSources.put(source.type(), source) != null) {
                throw new IllegalArgumentException("two event sources claim the SAM event type " + source.type());
            }
        }
    }

    /** The event types functions may use. */
    public Set<String> eventTypes() {
        Set<String> types = new TreeSet<>(eventSources.keySet());
        types.add("Api");
        return types;
    }

    /**
     * Expands SAM resources into CloudFormation ones; a template without the transform is returned as it is.
     *
     * @param parameterValues used where SAM needs a literal but allows a parameter (CodeUri, AutoPublishAlias, event paths)
     */
    public Template apply(Template template, Map<String, Object> parameterValues) {
        String file = template.displayName();
        for (String transform : template.transforms()) {
            if (!transform.equals(Template.SAM_TRANSFORM)) {
                throw new TemplateException(file + ": the Transform " + transform + " is not supported by local-cloud;"
                        + " supported transforms: " + Template.SAM_TRANSFORM);
            }
        }
        if (!template.transforms().contains(Template.SAM_TRANSFORM)) {
            for (TemplateResource resource : template.resources().values()) {
                if (resource.type().startsWith("AWS::Serverless::")) {
                    throw new TemplateException(file + ": resource " + resource.logicalId() + " has the type " + resource.type()
                            + ", which needs 'Transform: " + Template.SAM_TRANSFORM + "' at the top of the template");
                }
            }
            if (!template.globals().isEmpty()) {
                throw new TemplateException(file + ": Globals needs 'Transform: " + Template.SAM_TRANSFORM + "'");
            }
            return template;
        }
        Map<String, Object> functionGlobals;
        try {
            functionGlobals = SamGlobals.functionGlobals(template.globals());
        } catch (CloudFormationException e) {
            throw new TemplateException(file + ": " + e.getMessage(), e);
        }
        ImplicitApi api = new ImplicitApi();
        SamFunctionTransform functions = new SamFunctionTransform(template.directory(), eventSources, api,
                (value, what) -> literal(value, what, parameterValues));
        Map<String, TemplateResource> out = new LinkedHashMap<>();
        Map<String, String> aliasIds = new LinkedHashMap<>();
        Map<String, String> versionIds = new LinkedHashMap<>();
        for (TemplateResource resource : template.resources().values()) {
            String where = file + ": resource " + resource.logicalId() + " (" + resource.type() + "): ";
            try {
                List<TemplateResource> expanded = switch (resource.type()) {
                    case SamFunctionTransform.TYPE -> functions.expand(resource, functionGlobals);
                    case SimpleTableTransform.TYPE -> List.of(SimpleTableTransform.toTable(resource));
                    default -> {
                        if (resource.type().startsWith("AWS::Serverless::")) {
                            throw new SamException("the type " + resource.type() + " is not supported by local-cloud; supported"
                                    + " SAM types: " + String.join(", ", new TreeSet<>(TYPES)));
                        }
                        yield List.of(resource);
                    }
                };
                for (TemplateResource generated : expanded) {
                    add(out, template, resource, generated);
                    if (generated.type().equals("AWS::Lambda::Alias")) {
                        aliasIds.put(resource.logicalId(), generated.logicalId());
                    } else if (generated.type().equals("AWS::Lambda::Version")) {
                        versionIds.put(resource.logicalId(), generated.logicalId());
                    }
                }
            } catch (CloudFormationException e) {
                throw new TemplateException(where + e.getMessage(), e);
            }
        }
        if (!api.isEmpty()) {
            for (TemplateResource generated : api.resources()) {
                add(out, template, null, generated);
            }
        }
        Map<String, TemplateResource> rewritten = new LinkedHashMap<>();
        out.forEach((id, resource) -> rewritten.put(id, resource.withProperties(
                Values.map(aliasReferences(resource.properties(), aliasIds, versionIds), id))));
        Map<String, TemplateOutput> outputs = new LinkedHashMap<>();
        template.outputs().forEach((name, output) -> outputs.put(name, new TemplateOutput(name,
                aliasReferences(output.value(), aliasIds, versionIds), output.description(), output.exportName(), output.condition())));
        Template transformed = template.withResources(rewritten, List.of());
        return new Template(transformed.file(), transformed.description(), List.of(), Map.of(), transformed.parameters(),
                transformed.mappings(), transformed.conditions(), transformed.resources(), outputs);
    }

    private static void add(Map<String, TemplateResource> out, Template template, TemplateResource source, TemplateResource generated) {
        boolean clashes = out.containsKey(generated.logicalId())
                || (source != null && !generated.logicalId().equals(source.logicalId())
                && template.resources().containsKey(generated.logicalId()));
        if (clashes) {
            throw new TemplateException(template.displayName() + ": the SAM transform generates the resource "
                    + generated.logicalId() + (source == null ? "" : " for " + source.logicalId())
                    + ", but the template already has a resource with that logical id");
        }
        out.put(generated.logicalId(), generated);
    }

    private static String literal(Object value, String what, Map<String, Object> parameterValues) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("Ref") instanceof String name
                && parameterValues.get(name) instanceof String resolved) {
            return resolved;
        }
        if (value instanceof String s) {
            return s;
        }
        throw new SamException(what + " must be a string or a Ref to a String parameter, not " + Values.describe(value));
    }

    /** SAM's {@code !Ref Function.Alias} and {@code !Ref Function.Version} name the generated alias and version. */
    private static Object aliasReferences(Object value, Map<String, String> aliasIds, Map<String, String> versionIds) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("Ref") instanceof String ref) {
                int dot = ref.indexOf('.');
                if (dot > 0) {
                    String function = ref.substring(0, dot);
                    String suffix = ref.substring(dot + 1);
                    String id = suffix.equals("Alias") ? aliasIds.get(function) : suffix.equals("Version") ? versionIds.get(function) : null;
                    if (id != null) {
                        return Map.of("Ref", id);
                    }
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, aliasReferences(v, aliasIds, versionIds)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(aliasReferences(v, aliasIds, versionIds)));
            return out;
        }
        return value;
    }
}
