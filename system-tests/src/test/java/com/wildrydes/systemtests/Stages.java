package com.wildrydes.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the stages and their services. By default every stage folder of the repository
 * ({@code 00-baseline}, ...); {@code -Dstage=<folder>} narrows the run to one stage folder anywhere,
 * which is how an intermediate lab state is checked.
 */
final class Stages {

    private Stages() {
    }

    static Path repositoryRoot() {
        String configured = System.getProperty("workshop.root");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("mvnw")) && Files.isDirectory(d.resolve("local-cloud"))) {
                return d;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + dir);
    }

    static List<Path> stageDirs() {
        String only = System.getProperty("stage");
        if (only != null && !only.isBlank()) {
            Path stage = Path.of(only).toAbsolutePath();
            if (!Files.isDirectory(stage)) {
                stage = repositoryRoot().resolve(only);
            }
            return List.of(stage.normalize());
        }
        try (Stream<Path> children = Files.list(repositoryRoot())) {
            return children
                    .filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().matches("\\d\\d-.+"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service folders of a stage: those with a {@code template.yaml}. */
    static List<Path> services(Path stageDir) {
        try (Stream<Path> children = Files.list(stageDir)) {
            return children
                    .filter(d -> Files.isRegularFile(d.resolve("template.yaml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> allServices() {
        return stageDirs().stream().flatMap(stage -> services(stage).stream()).toList();
    }

    /** {@code 00-baseline/wild-rydes}, for test names and messages. */
    static String label(Path serviceDir) {
        return serviceDir.getParent().getFileName() + "/" + serviceDir.getFileName();
    }
}
