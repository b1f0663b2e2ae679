package com.wildrydes.localcloud.cloudformation.template;

import java.util.List;

/** One entry of a template's Parameters section; constraint fields are null when absent. */
public record TemplateParameter(String name, String type, String defaultValue, List<String> allowedValues,
                                String allowedPattern, Integer minLength, Integer maxLength,
                                Double minValue, Double maxValue, String constraintDescription,
                                boolean noEcho, String description) {
}
