package com.wildrydes.localcloud.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Writes the small, namespaced XML documents that AWS Query protocol responses are. */
public final class XmlWriter {

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens the document's root element in {@code namespace}. */
    public XmlWriter(String root, String namespace) {
        out.append('<').append(root).append(" xmlns=\"").append(namespace).append("\">");
        open.push(root);
    }

    public XmlWriter start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    public XmlWriter end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element holding text; a null value writes nothing, as AWS omits absent members. */
    public XmlWriter element(String name, Object value) {
        if (value == null) {
            return this;
        }
        out.append('<').append(name).append('>');
        escape(value.toString());
        out.append("</").append(name).append('>');
        return this;
    }

    public byte[] finish() {
        while (!open.isEmpty()) {
            end();
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }
}
