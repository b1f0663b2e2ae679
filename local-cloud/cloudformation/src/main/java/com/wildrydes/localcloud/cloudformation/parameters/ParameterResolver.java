package com.wildrydes.localcloud.cloudformation.parameters;

import com.wildrydes.localcloud.cloudformation.template.TemplateException;
import com.wildrydes.localcloud.cloudformation.template.TemplateParameter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a template's Parameters and a deploy's overrides into values, checking constraints with
 * CloudFormation's messages, and reading {@code AWS::SSM::Parameter::Value<String>} parameters
 * from SSM at deploy time (which is how one stack discovers what another published).
 */
public final class ParameterResolver {

    public static final String SSM_STRING = "AWS::SSM::Parameter::Value<String>";
    public static final Set<String> TYPES = Set.of("String", "Number", "CommaDelimitedList", "List<Number>", SSM_STRING);

    private ParameterResolver() {
    }

    public static ResolvedParameters resolve(Map<String, TemplateParameter> declared, Map<String, String> overrides,
                                             SsmLookup ssm) {
        List<String> unknown = overrides.keySet().stream().filter(name -> !declared.containsKey(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new TemplateException("Parameters: " + unknown + " do not exist in the template");
        }
        List<String> missing = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> displayed = new LinkedHashMap<>();
        for (TemplateParameter parameter : declared.values()) {
            if (!TYPES.contains(parameter.type())) {
                throw new TemplateException("Parameter '" + parameter.name() + "' has the type " + parameter.type()
                        + ", which local-cloud does not support; supported parameter types: " + String.join(", ", new TreeSet<>(TYPES)));
            }
            String given = overrides.containsKey(parameter.name()) ? overrides.get(parameter.name()) : parameter.defaultValue();
            if (given == null) {
                missing.add(parameter.name());
                continue;
            }
            Object value = value(parameter, given, ssm);
            values.put(parameter.name(), value);
            displayed.put(parameter.name(), parameter.noEcho() ? "****"
                    : value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList()) : (String) value);
        }
        if (!missing.isEmpty()) {
            throw new TemplateException("Parameters: " + missing + " must have values");
        }
        return new ResolvedParameters(values, displayed);
    }

    private static Object value(TemplateParameter parameter, String given, SsmLookup ssm) {
        return switch (parameter.type()) {
            case "String" -> {
                checkString(parameter, given);
                yield given;
            }
            case "Number" -> {
                checkNumber(parameter, given);
                yield given;
            }
            case "CommaDelimitedList", "List<Number>" -> {
                List<String> items = Arrays.stream(given.split(",", -1)).map(String::trim).toList();
                for (String item : items) {
                    if (parameter.type().equals("List<Number>")) {
                        checkNumber(parameter, item);
                    } else {
                        checkAllowedValues(parameter, item);
                    }
                }
                yield items;
            }
            case SSM_STRING -> {
                checkString(parameter, given);
                Optional<String> stored = ssm.value(given);
                if (stored.isEmpty()) {
                    throw new TemplateException("Parameter '" + parameter.name() + "' (" + SSM_STRING + ") names the SSM parameter "
                            + given + ", which does not exist: another stack must publish it first, so deploy that stack before"
                            + " this one (CloudFormation says: Parameters: [ssm:" + given + "] cannot be found.)");
                }
                yield stored.get();
            }
            default -> throw new IllegalStateException(parameter.type());
        };
    }

    private static void checkString(TemplateParameter parameter, String value) {
        checkAllowedValues(parameter, value);
        if (parameter.allowedPattern() != null) {
            boolean matches;
            try {
                matches = Pattern.compile(parameter.allowedPattern()).matcher(value).matches();
            } catch (PatternSyntaxException e) {
                throw new TemplateException("Parameter '" + parameter.name() + "' has an invalid AllowedPattern: " + e.getDescription());
            }
            if (!matches) {
                fail(parameter, "must match pattern " + parameter.allowedPattern());
            }
        }
        if (parameter.minLength() != null && value.length() < parameter.minLength()) {
            fail(parameter, "must contain at least " + parameter.minLength() + " characters");
        }
        if (parameter.maxLength() != null && value.length() > parameter.maxLength()) {
            fail(parameter, "must contain at most " + parameter.maxLength() + " characters");
        }
    }

    private static void checkNumber(TemplateParameter parameter, String value) {
        double number;
        try {
            number = new BigDecimal(value.trim()).doubleValue();
        } catch (NumberFormatException e) {
            throw new TemplateException("Parameter '" + parameter.name() + "' must be a number");
        }
        checkAllowedValues(parameter, value);
        if (parameter.minValue() != null && number < parameter.minValue()) {
            fail(parameter, "must be a number not less than " + plain(parameter.minValue()));
        }
        if (parameter.maxValue() != null && number > parameter.maxValue()) {
            fail(parameter, "must be a number not greater than " + plain(parameter.maxValue()));
        }
    }

    private static void checkAllowedValues(TemplateParameter parameter, String value) {
        if (parameter.allowedValues() != null && !parameter.allowedValues().contains(value)) {
            fail(parameter, "must be one of AllowedValues");
        }
    }

    private static void fail(TemplateParameter parameter, String rule) {
        String message = parameter.constraintDescription() != null
                ? "Parameter '" + parameter.name() + "' failed to satisfy constraint: " + parameter.constraintDescription()
                : "Parameter '" + parameter.name() + "' " + rule;
        throw new TemplateException(message);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
