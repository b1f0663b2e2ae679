package com.wildrydes.localcloud.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Files packaged in local-cloud's jar under one resource folder: the console's page and the rider
 * page. Only plain file names are served, so no request can reach another resource.
 */
final class StaticFiles {

    /** A file name, no folders: {@code app.js}, {@code style.css}. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|js|css|svg|png)");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    /** A file's bytes and how to label them. */
    record File(byte[] content, String contentType) {
    }

    private final String folder;
    private final Map<String, File> loaded = new ConcurrentHashMap<>();

    /** @param folder a resource folder, e.g. {@code /com/wildrydes/localcloud/console/rider/} */
    StaticFiles(String folder) {
        this.folder = folder.endsWith("/") ? folder : folder + "/";
    }

    Optional<File> file(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        File cached = loaded.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream(folder + name)) {
            if (in == null) {
                return Optional.empty();
            }
            File file = new File(in.readAllBytes(), CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            loaded.put(name, file);
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + folder + name + " from local-cloud's jar", e);
        }
    }
}
