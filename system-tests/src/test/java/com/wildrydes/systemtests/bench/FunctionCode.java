package com.wildrydes.systemtests.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Packages benchmark functions from the classes of this build, in the layouts Lambda accepts:
 * a jar of a few classes, or a directory of classes with its libraries in {@code lib/}.
 */
final class FunctionCode {

    /**
     * Libraries a bench function must not carry: the runtime provides aws-lambda-java-core, and the
     * SDK's other HTTP clients and services would only lengthen the class path it searches.
     */
    private static final Set<String> NOT_FOR_FUNCTIONS = Set.of(
            "aws-lambda-java-core", "apache-client", "apache5-client", "netty-nio-client",
            "sns", "sqs", "ssm", "aws-query-protocol");

    private FunctionCode() {
    }

    /** Writes a jar holding exactly these classes (and their nested classes), as a function's whole code. */
    static Path jar(Path jar, Collection<Class<?>> classes) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> type : classes) {
                for (String entry : classFiles(type)) {
                    out.putNextEntry(new JarEntry(entry));
                    try (InputStream in = read(type, entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    /**
     * Lays out a function as a directory: its classes under their package path, and the given
     * libraries linked (copied where links are not possible) into {@code lib/}.
     */
    static Path directory(Path directory, Collection<Class<?>> classes, Collection<Path> libraries) throws IOException {
        Files.createDirectories(directory.resolve("lib"));
        for (Class<?> type : classes) {
            for (String entry : classFiles(type)) {
                Path target = directory.resolve(entry);
                Files.createDirectories(target.getParent());
                try (InputStream in = read(type, entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        for (Path library : libraries) {
            Path link = directory.resolve("lib").resolve(library.getFileName());
            Files.deleteIfExists(link);
            try {
                Files.createSymbolicLink(link, library.toAbsolutePath());
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(library, link);
            }
        }
        return directory;
    }

    /**
     * Of a class path, the jars a function using the AWS SDK needs: the SDK (its CRT included) and
     * what the SDK itself depends on, without what {@link #NOT_FOR_FUNCTIONS} names.
     */
    static List<Path> sdkLibraries(Collection<Path> classPath) {
        return classPath.stream()
                .filter(p -> p.getFileName().toString().endsWith(".jar"))
                .filter(p -> {
                    String path = p.toString().replace('\\', '/');
                    return path.contains("/software/amazon/") || path.contains("/org/reactivestreams/") || path.contains("/org/slf4j/slf4j-api/");
                })
                .filter(p -> !NOT_FOR_FUNCTIONS.contains(artifactId(p)))
                .toList();
    }

    /** A Maven repository jar's artifact id: the folder above its version folder, else its name up to the version. */
    static String artifactId(Path jar) {
        String name = jar.getFileName().toString();
        Path versionFolder = jar.getParent();
        Path artifactFolder = versionFolder == null ? null : versionFolder.getParent();
        if (artifactFolder != null && name.startsWith(artifactFolder.getFileName() + "-" + versionFolder.getFileName())) {
            return artifactFolder.getFileName().toString();
        }
        return name.replaceFirst("-\\d.*$", "");
    }

    /** The class file of a class and of every class nested in it, as jar entry names. */
    private static List<String> classFiles(Class<?> type) {
        return Stream.concat(Stream.of(type), nested(type))
                .map(t -> t.getName().replace('.', '/') + ".class")
                .distinct()
                .toList();
    }

    private static Stream<Class<?>> nested(Class<?> type) {
        return Arrays.stream(type.getDeclaredClasses()).flatMap(c -> Stream.concat(Stream.of(c), nested(c)));
    }

    private static InputStream read(Class<?> type, String entry) throws IOException {
        InputStream in = type.getClassLoader().getResourceAsStream(entry);
        if (in == null) {
            throw new IOException("the class file " + entry + " is not on the class path");
        }
        return in;
    }
}
