package com.wildrydes.localcloud.cloudformation.template;

/**
 * One entry of a template's Outputs section.
 *
 * @param value      unresolved
 * @param exportName unresolved {@code Export.Name}, null when not exported
 */
public record TemplateOutput(String name, Object value, String description, Object exportName, String condition) {
}
