package com.wildrydes.localcloud.cloudformation.parameters;

import java.util.Map;

/**
 * A deploy's parameter values.
 *
 * @param values    what {@code Ref} gives: a string, or a list of strings for CommaDelimitedList
 * @param displayed each value as text for the stack's description, NoEcho ones masked
 */
public record ResolvedParameters(Map<String, Object> values, Map<String, String> displayed) {
}
