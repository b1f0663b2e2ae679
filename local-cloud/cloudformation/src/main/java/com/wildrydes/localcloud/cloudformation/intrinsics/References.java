package com.wildrydes.localcloud.cloudformation.intrinsics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the names a value refers to, which is what orders resource creation. Branches of
 * {@code Fn::If} that the conditions rule out are skipped, as CloudFormation skips them.
 */
public final class References {

    private final Map<String, Boolean> conditions;
    private final Set<Reference> found = new LinkedHashSet<>();

    private References(Map<String, Boolean> conditions) {
        this.conditions = conditions;
    }

    public static Set<Reference> in(Object value, Map<String, Boolean> conditions) {
        References references = new References(conditions);
        references.walk(value);
        return references.found;
    }

    private void walk(Object value) {
        String function = Intrinsics.functionName(value);
        if (function != null) {
            call(function, ((Map<?, ?>) value).values().iterator().next());
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(this::walk);
        } else if (value instanceof List<?> list) {
            list.forEach(this::walk);
        }
    }

    private void call(String function, Object argument) {
        switch (function) {
            case "Ref" -> {
                if (argument instanceof String name) {
                    found.add(new Reference(name, null, false));
                }
            }
            case "Fn::GetAtt" -> {
                if (argument instanceof String dotted && dotted.indexOf('.') > 0) {
                    int dot = dotted.indexOf('.');
                    found.add(new Reference(dotted.substring(0, dot), dotted.substring(dot + 1), true));
                } else if (argument instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof String target) {
                    Object attribute = list.size() > 1 ? list.get(1) : null;
                    found.add(new Reference(target, attribute instanceof String a ? a : null, true));
                    if (attribute != null && !(attribute instanceof String)) {
                        walk(attribute);
                    }
                }
            }
            case "Fn::Sub" -> sub(argument);
            case "Fn::If" -> {
                if (argument instanceof List<?> list && list.size() == 3 && list.getFirst() instanceof String condition) {
                    Boolean holds = conditions.get(condition);
                    if (holds == null) {
                        walk(list.get(1));
                        walk(list.get(2));
                    } else {
                        walk(holds ? list.get(1) : list.get(2));
                    }
                }
            }
            default -> walk(argument);
        }
    }

    private void sub(Object argument) {
        String text;
        Map<?, ?> variables = Map.of();
        if (argument instanceof String s) {
            text = s;
        } else if (argument instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String s
                && list.get(1) instanceof Map<?, ?> vars) {
            text = s;
            variables = vars;
            vars.values().forEach(this::walk);
        } else {
            return;
        }
        for (SubTemplate.Part part : SubTemplate.parse(text).parts()) {
            if (part instanceof SubTemplate.Placeholder placeholder && !variables.containsKey(placeholder.name())) {
                found.add(placeholder.attribute() == null
                        ? new Reference(placeholder.name(), null, false)
                        : new Reference(placeholder.resource(), placeholder.attribute(), true));
            }
        }
    }
}
