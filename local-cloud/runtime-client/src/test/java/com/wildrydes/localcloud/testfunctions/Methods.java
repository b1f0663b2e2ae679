package com.wildrydes.localcloud.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Handlers named {@code Class::method} rather than by interface. */
public class Methods {

    public static String shout(String text) {
        return text.toUpperCase(Locale.ROOT) + "!";
    }

    /** Overloads: the runtime prefers the one ending in Context. */
    public String describe(String text) {
        return "without context";
    }

    public String describe(String text, Context context) {
        return "with context for " + text;
    }

    public void measure(InputStream in, OutputStream out, Context context) throws IOException {
        out.write(Integer.toString(in.readAllBytes().length).getBytes(StandardCharsets.US_ASCII));
    }

    public void nothing(String text) {
        // a handler with no result: the runtime answers JSON null
    }
}
