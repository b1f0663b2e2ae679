package com.wildrydes.localcloud.cloudformation.resources;

import java.nio.file.Path;

/**
 * The stack a resource belongs to.
 *
 * @param templateDirectory where relative paths in the template (CodeUri, Code) start
 * @param templateName      the template, for messages ("wild-rydes/template.yaml")
 */
public record StackInfo(String stackName, String stackId, Path templateDirectory, String templateName,
                        String region, String accountId) {
}
