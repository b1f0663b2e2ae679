package com.wildrydes.localcloud.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the real tools the tests drive (moto_server, the AWS CLI) on PATH. */
final class Executables {

    private Executables() {
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** In CI a missing tool fails the run; elsewhere the calling test is skipped with the reason printed. */
    static Path requireOrSkip(String name, String install) {
        return onPath(name).orElseGet(() -> {
            String reason = name + " is not on PATH; install it with: " + install;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + " (required in CI)");
            }
            System.out.println("Skipping: " + reason);
            org.junit.jupiter.api.Assumptions.abort(reason);
            return null;
        });
    }
}
