package com.wildrydes.fleet;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The fleet every new stack starts with, kept as data in unicorns.json next to the code. */
public final class SeedFleet {

    static final String RESOURCE = "/unicorns.json";
    private static final TypeToken<List<Unicorn>> UNICORN_LIST = new TypeToken<>() {
    };

    private SeedFleet() {
    }

    public static List<Unicorn> load() {
        return load(RESOURCE);
    }

    static List<Unicorn> load(String resource) {
        var stream = SeedFleet.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("The seed fleet " + resource + " is missing from the function artifact");
        }
        List<Unicorn> unicorns;
        try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            unicorns = new Gson().fromJson(reader, UNICORN_LIST);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The seed fleet " + resource + " could not be read", unreadable);
        } catch (RuntimeException malformed) {
            // Gson reports bad JSON and a unicorn's own validation (a missing Name, say) as runtime exceptions.
            throw new IllegalStateException("The seed fleet " + resource + " is not a list of unicorns: "
                    + deepestMessage(malformed), malformed);
        }
        if (unicorns == null || unicorns.isEmpty() || unicorns.contains(null)) {
            throw new IllegalStateException(
                    "The seed fleet " + resource + " must be a non-empty JSON array of unicorns");
        }
        return List.copyOf(unicorns);
    }

    /** Gson wraps a unicorn's own complaint ("needs a non-empty Color") in a generic constructor failure. */
    private static String deepestMessage(Throwable failure) {
        var deepest = failure;
        while (deepest.getCause() != null && deepest.getCause().getMessage() != null) {
            deepest = deepest.getCause();
        }
        return deepest.getMessage();
    }
}
