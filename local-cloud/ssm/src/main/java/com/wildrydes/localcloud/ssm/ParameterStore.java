package com.wildrydes.localcloud.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.wildrydes.localcloud.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every parameter with its recent versions, sorted by name. With a file, each change rewrites it whole
 * (parameters are few and small) to a temporary file moved over the old one, so a crash leaves one or the other.
 */
final class ParameterStore {

    /** Parameter Store keeps this many versions of a parameter. */
    static final int MAX_VERSIONS = 100;

    private final NavigableMap<String, List<Parameter>> histories = new TreeMap<>();
    private final Optional<Path> file;

    ParameterStore(Optional<Path> file) {
        this.file = file;
        file.ifPresent(this::load);
    }

    synchronized Optional<Parameter> current(String name) {
        List<Parameter> history = histories.get(name);
        return history == null ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    synchronized Optional<Parameter> version(String name, long version) {
        return histories.getOrDefault(name, List.of()).stream().filter(p -> p.version() == version).findFirst();
    }

    /** Decides the next version from the current one (empty if none) and stores it, atomically. */
    synchronized Parameter put(String name, Function<Optional<Parameter>, Parameter> next) {
        Parameter parameter = next.apply(current(name));
        List<Parameter> history = histories.computeIfAbsent(name, n -> new ArrayList<>());
        history.add(parameter);
        if (history.size() > MAX_VERSIONS) {
            history.remove(0);
        }
        save();
        return parameter;
    }

    synchronized boolean delete(String name) {
        boolean existed = histories.remove(name) != null;
        if (existed) {
            save();
        }
        return existed;
    }

    /** The current version of every parameter, by name. */
    synchronized List<Parameter> all() {
        return histories.values().stream().map(h -> h.get(h.size() - 1)).toList();
    }

    private void load(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try {
            JsonNode root = Json.parse(Files.readAllBytes(path));
            for (JsonNode history : root.get("parameters")) {
                List<Parameter> versions = new ArrayList<>();
                history.forEach(v -> versions.add(Parameter.fromJson(v)));
                if (!versions.isEmpty()) {
                    histories.put(versions.get(0).name(), versions);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read SSM parameters from " + path, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(path + " is not a valid SSM parameter file; remove or restore it", e);
        }
    }

    private void save() {
        if (file.isEmpty()) {
            return;
        }
        Path path = file.get();
        var root = Json.object();
        ArrayNode parameters = root.putArray("parameters");
        histories.values().forEach(history -> {
            ArrayNode versions = parameters.addArray();
            history.forEach(p -> versions.add(p.toJson()));
        });
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            Files.createDirectories(path.getParent());
            Files.write(temp, Json.bytes(root));
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write SSM parameters to " + path, e);
        }
    }
}
