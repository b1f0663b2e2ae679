package com.wildrydes.localcloud.cloudformation.template;

import com.wildrydes.localcloud.cloudformation.intrinsics.IntrinsicException;
import com.wildrydes.localcloud.cloudformation.intrinsics.Values;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks a template's structure (sections, resource and parameter entries) and builds a {@link Template}. */
public final class TemplateParser {

    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
            "Transform", "Globals", "Parameters", "Mappings", "Conditions", "Resources", "Outputs");
    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "DependsOn", "Condition",
            "Metadata", "DeletionPolicy", "UpdateReplacePolicy");
    private static final Set<String> PARAMETER_KEYS = Set.of("Type", "Default", "AllowedValues", "AllowedPattern",
            "ConstraintDescription", "Description", "MaxLength", "MinLength", "MaxValue", "MinValue", "NoEcho");
    private static final Set<String> OUTPUT_KEYS = Set.of("Value", "Description", "Export", "Condition");
    private static final String ALPHANUMERIC = "[A-Za-z0-9]+";

    private TemplateParser() {
    }

    public static Template read(Path file) {
        return parse(file, TemplateReader.read(file));
    }

    public static Template parse(Path file, Map<String, Object> raw) {
        String where = Template.displayName(file) + ": ";
        try {
            return parse(file, raw, where);
        } catch (IntrinsicException e) {
            throw new TemplateException(where + "Template format error: " + e.getMessage(), e);
        }
    }

    private static Template parse(Path file, Map<String, Object> raw, String where) {
        List<String> unknown = raw.keySet().stream().filter(k -> !SECTIONS.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw new TemplateException(where + "Template format error: Invalid template property or properties "
                    + unknown + "; local-cloud reads the sections " + new TreeSet<>(SECTIONS));
        }
        Object version = raw.get("AWSTemplateFormatVersion");
        if (version != null && !"2010-09-09".equals(String.valueOf(version))) {
            throw new TemplateException(where + "Template format error: '" + version + "' is not a supported version");
        }
        List<String> transforms = raw.get("Transform") == null ? List.of()
                : Values.strings(raw.get("Transform"), "Transform");
        Map<String, Object> resourcesRaw = Values.optionalMap(raw.get("Resources"), "Resources");
        if (resourcesRaw.isEmpty()) {
            throw new TemplateException(where + "Template format error: At least one Resources member must be defined.");
        }
        Map<String, TemplateResource> resources = new LinkedHashMap<>();
        resourcesRaw.forEach((id, body) -> resources.put(id, resource(where, id, body)));

        Map<String, TemplateParameter> parameters = new LinkedHashMap<>();
        Values.optionalMap(raw.get("Parameters"), "Parameters").forEach((name, body) -> {
            requireAlphanumeric(where, "Parameter", name);
            parameters.put(name, parameter(where, name, body));
        });
        Map<String, TemplateOutput> outputs = new LinkedHashMap<>();
        Values.optionalMap(raw.get("Outputs"), "Outputs").forEach((name, body) -> {
            requireAlphanumeric(where, "Output", name);
            outputs.put(name, output(where, name, body));
        });
        for (String name : parameters.keySet()) {
            if (resources.containsKey(name)) {
                throw new TemplateException(where + "Template format error: the name " + name
                        + " is used by both a parameter and a resource");
            }
        }
        return new Template(file, Values.optionalString(raw.get("Description"), "Description"), transforms,
                Values.optionalMap(raw.get("Globals"), "Globals"), parameters,
                Values.optionalMap(raw.get("Mappings"), "Mappings"),
                Values.optionalMap(raw.get("Conditions"), "Conditions"), resources, outputs);
    }

    private static TemplateResource resource(String where, String id, Object body) {
        requireAlphanumeric(where, "Resource", id);
        if (!(body instanceof Map<?, ?>)) {
            throw new TemplateException(where + "Template format error: [/Resources/" + id + "] must be a map");
        }
        Map<String, Object> map = Values.map(body, id);
        for (String key : map.keySet()) {
            if (!RESOURCE_KEYS.contains(key)) {
                throw new TemplateException(where + "Template format error: resource " + id
                        + " has the attribute " + key + ", which local-cloud does not support; supported attributes: "
                        + String.join(", ", new TreeSet<>(RESOURCE_KEYS)));
            }
        }
        if (!(map.get("Type") instanceof String type)) {
            throw new TemplateException(where + "Template format error: [/Resources/" + id
                    + "] Every Resources object must contain a Type member.");
        }
        Object properties = map.get("Properties");
        Map<String, Object> props = properties == null ? new LinkedHashMap<>() : Values.map(properties, id + ".Properties");
        List<String> dependsOn = map.get("DependsOn") == null ? List.of()
                : Values.strings(map.get("DependsOn"), id + ".DependsOn");
        String condition = Values.optionalString(map.get("Condition"), id + ".Condition");
        return new TemplateResource(id, type, props, dependsOn, condition);
    }

    private static TemplateParameter parameter(String where, String name, Object body) {
        Map<String, Object> map = Values.map(body, "Parameter " + name);
        for (String key : map.keySet()) {
            if (!PARAMETER_KEYS.contains(key)) {
                throw new TemplateException(where + "Template format error: Invalid template parameter property '"
                        + key + "' in parameter " + name + "; supported: " + String.join(", ", new TreeSet<>(PARAMETER_KEYS)));
            }
        }
        if (map.get("Type") == null) {
            throw new TemplateException(where + "Template format error: Every Parameters object must contain a Type member. ("
                    + name + ")");
        }
        List<String> allowed = null;
        if (map.get("AllowedValues") != null) {
            allowed = new ArrayList<>(Values.strings(map.get("AllowedValues"), name + ".AllowedValues"));
        }
        Object defaultValue = map.get("Default");
        String defaultText = defaultValue instanceof List<?> list
                ? String.join(",", Values.strings(list, name + ".Default"))
                : Values.optionalString(defaultValue, name + ".Default");
        return new TemplateParameter(name, Values.string(map.get("Type"), name + ".Type"), defaultText, allowed,
                Values.optionalString(map.get("AllowedPattern"), name + ".AllowedPattern"),
                map.get("MinLength") == null ? null : Values.integer(map.get("MinLength"), name + ".MinLength"),
                map.get("MaxLength") == null ? null : Values.integer(map.get("MaxLength"), name + ".MaxLength"),
                number(map.get("MinValue"), name + ".MinValue"), number(map.get("MaxValue"), name + ".MaxValue"),
                Values.optionalString(map.get("ConstraintDescription"), name + ".ConstraintDescription"),
                map.get("NoEcho") != null && Values.bool(map.get("NoEcho"), name + ".NoEcho"),
                Values.optionalString(map.get("Description"), name + ".Description"));
    }

    private static Double number(Object value, String what) {
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(Values.string(value, what));
        } catch (NumberFormatException e) {
            throw new IntrinsicException(what + " must be a number");
        }
    }

    private static TemplateOutput output(String where, String name, Object body) {
        Map<String, Object> map = Values.map(body, "Output " + name);
        for (String key : map.keySet()) {
            if (!OUTPUT_KEYS.contains(key)) {
                throw new TemplateException(where + "Template format error: output " + name + " has the key " + key
                        + "; supported: " + String.join(", ", new TreeSet<>(OUTPUT_KEYS)));
            }
        }
        if (!map.containsKey("Value") || map.get("Value") == null) {
            throw new TemplateException(where + "Template format error: Every Outputs member must contain a Value object ("
                    + name + ")");
        }
        Object exportName = null;
        if (map.get("Export") != null) {
            exportName = Values.map(map.get("Export"), "Outputs." + name + ".Export").get("Name");
            if (exportName == null) {
                throw new TemplateException(where + "Template format error: Outputs." + name + ".Export must have a Name");
            }
        }
        return new TemplateOutput(name, map.get("Value"), Values.optionalString(map.get("Description"), name + ".Description"),
                exportName, Values.optionalString(map.get("Condition"), name + ".Condition"));
    }

    private static void requireAlphanumeric(String where, String kind, String name) {
        if (!name.matches(ALPHANUMERIC)) {
            throw new TemplateException(where + "Template format error: " + kind + " name " + name + " is non alphanumeric.");
        }
    }
}
