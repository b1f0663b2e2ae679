package com.wildrydes.localcloud.cloudformation.intrinsics;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code Fn::Sub} split into literal text and {@code ${Name}} / {@code ${Resource.Attribute}}
 * placeholders; {@code ${!Literal}} stays as the literal text {@code ${Literal}}.
 */
public record SubTemplate(List<Part> parts) {

    /** A piece of the text: literal, or a placeholder naming a variable, a parameter or resource, or an attribute. */
    public sealed interface Part {
    }

    public record Literal(String text) implements Part {
    }

    /** {@code ${name}}; {@link #attribute()} is null unless the name has the {@code Resource.Attribute} form. */
    public record Placeholder(String name, String resource, String attribute) implements Part {
    }

    public static SubTemplate parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            if (open < 0) {
                literal.append(text, i, text.length());
                break;
            }
            literal.append(text, i, open);
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                throw new IntrinsicException("Fn::Sub text has an unclosed ${ in: " + text);
            }
            String inner = text.substring(open + 2, close);
            if (inner.startsWith("!")) {
                literal.append("${").append(inner.substring(1)).append('}');
            } else {
                String name = inner.trim();
                if (name.isEmpty()) {
                    throw new IntrinsicException("Fn::Sub text has an empty ${} in: " + text);
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(placeholder(name));
            }
            i = close + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new SubTemplate(List.copyOf(parts));
    }

    private static Placeholder placeholder(String name) {
        int dot = name.indexOf('.');
        if (dot > 0 && !name.startsWith("AWS::")) {
            return new Placeholder(name, name.substring(0, dot), name.substring(dot + 1));
        }
        return new Placeholder(name, name, null);
    }
}
