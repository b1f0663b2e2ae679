package com.wildrydes.localcloud.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The function's code as Lambda lays it out: a jar, a zip whose {@code lib/*.jar} hold the
 * dependencies, or a directory with the same layout. It is loaded by its own class loader whose
 * parent holds the runtime (and aws-lambda-java-core), as in the managed runtime.
 */
final class FunctionCode {

    private FunctionCode() {
    }

    static URLClassLoader classLoader(Path code, ClassLoader parent) throws IOException {
        List<Path> classpath = classpath(code);
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = toUrl(classpath.get(i));
        }
        return new URLClassLoader(urls, parent);
    }

    /** The code itself, then its {@code lib/*.jar} in name order. */
    static List<Path> classpath(Path code) throws IOException {
        List<Path> classpath = new ArrayList<>();
        classpath.add(code);
        if (Files.isDirectory(code)) {
            Path lib = code.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(classpath::add);
                }
            }
        } else if (Files.isRegularFile(code)) {
            classpath.addAll(nestedLibraries(code));
        } else {
            throw new IOException("the function's code " + code + " is neither a file nor a directory");
        }
        return classpath;
    }

    /**
     * A class loader cannot read a jar inside a zip, so the zip's {@code lib/*.jar} are extracted
     * once into a cache keyed by the zip's path, size and time, shared by every instance.
     */
    private static List<Path> nestedLibraries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.startsWith("lib/") && n.endsWith(".jar") && n.indexOf('/', 4) < 0)
                    .sorted()
                    .forEach(names::add);
            if (names.isEmpty()) {
                return List.of();
            }
            Path cache = Path.of(System.getProperty("java.io.tmpdir"), "local-cloud-function-libs", cacheKey(zip));
            if (!Files.isDirectory(cache)) {
                extract(file, names, cache);
            }
            return names.stream().map(n -> cache.resolve(n.substring(4))).toList();
        }
    }

    private static void extract(ZipFile file, List<String> names, Path cache) throws IOException {
        Files.createDirectories(cache.getParent());
        Path staging = Files.createTempDirectory(cache.getParent(), "staging-");
        for (String name : names) {
            try (InputStream in = file.getInputStream(file.getEntry(name))) {
                Files.copy(in, staging.resolve(name.substring(4)));
            }
        }
        try {
            Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | DirectoryNotEmptyException e) {
            // another instance extracted the same code first; its copy is identical
            deleteTree(staging);
        }
    }

    private static String cacheKey(Path zip) throws IOException {
        String identity = zip.toAbsolutePath() + "|" + Files.size(zip) + "|" + Files.getLastModifiedTime(zip).toMillis();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a loadable path: " + path, e);
        }
    }
}
