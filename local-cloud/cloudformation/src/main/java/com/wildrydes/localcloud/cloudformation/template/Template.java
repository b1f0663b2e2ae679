package com.wildrydes.localcloud.cloudformation.template;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed template. Maps keep the file's order, which breaks ties in creation order so that
 * deploys are repeatable.
 *
 * @param globals SAM's Globals section (empty after the transform)
 */
public record Template(Path file, String description, List<String> transforms, Map<String, Object> globals,
                       Map<String, TemplateParameter> parameters, Map<String, Object> mappings,
                       Map<String, Object> conditions, Map<String, TemplateResource> resources,
                       Map<String, TemplateOutput> outputs) {

    public static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

    /** The file name for messages ("wild-rydes/template.yaml" rather than a long absolute path). */
    public String displayName() {
        return displayName(file);
    }

    public static String displayName(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null
                ? file.getFileName().toString()
                : parent.getFileName() + "/" + file.getFileName();
    }

    public Path directory() {
        return file.toAbsolutePath().getParent();
    }

    public Template withResources(Map<String, TemplateResource> newResources, List<String> newTransforms) {
        return new Template(file, description, newTransforms, Map.of(), parameters, mappings, conditions,
                new LinkedHashMap<>(newResources), outputs);
    }
}
