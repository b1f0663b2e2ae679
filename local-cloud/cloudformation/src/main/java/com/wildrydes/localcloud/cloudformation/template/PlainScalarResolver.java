package com.wildrydes.localcloud.cloudformation.template;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.regex.Pattern;

/**
 * Types plain scalars the way CloudFormation reads templates: only {@code true}/{@code false} are
 * booleans, only plain decimal numbers are numbers. YAML 1.1 would turn {@code Version: 2012-10-17}
 * into a date, {@code yes}/{@code on} into booleans and {@code 0755} into an octal number, none of
 * which a template means.
 */
final class PlainScalarResolver extends Resolver {

    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    private static final Pattern INTEGER = Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)$");
    private static final Pattern DECIMAL = Pattern.compile("^[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$");
    private static final Pattern NULL_VALUE = Pattern.compile("^(?:~|null|Null|NULL| )$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF");
        addImplicitResolver(Tag.INT, INTEGER, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, DECIMAL, "-+0123456789.");
        addImplicitResolver(Tag.MERGE, MERGE, "<");
        addImplicitResolver(Tag.NULL, NULL_VALUE, "~nN\0");
        addImplicitResolver(Tag.NULL, EMPTY, null);
    }
}
