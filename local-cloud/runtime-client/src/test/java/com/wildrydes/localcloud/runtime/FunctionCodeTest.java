package com.wildrydes.localcloud.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three code layouts Lambda accepts: a jar, a zip with lib/*.jar, and a directory with lib/. */
class FunctionCodeTest {

    @TempDir
    Path dir;

    private static byte[] jarWith(String entry, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            jar.putNextEntry(new JarEntry(entry));
            jar.write(content.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String read(URLClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void zipWithLibrariesPutsTheZipAndItsLibJarsOnTheClassPath() throws Exception {
        Path zip = dir.resolve("function.zip");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new JarEntry("handler.txt"));
            out.write("from the zip".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry("lib/dependency.jar"));
            out.write(jarWith("dependency.txt", "from lib/dependency.jar"));
            out.closeEntry();
        }

        try (URLClassLoader loader = FunctionCode.classLoader(zip, null)) {
            assertThat(read(loader, "handler.txt")).isEqualTo("from the zip");
            assertThat(read(loader, "dependency.txt")).isEqualTo("from lib/dependency.jar");
        }
        // A second instance reuses the extracted libraries.
        assertThat(FunctionCode.classpath(zip)).isEqualTo(FunctionCode.classpath(zip)).hasSize(2);
    }

    @Test
    void plainJarIsItsOwnClassPath() throws Exception {
        Path jar = dir.resolve("function.jar");
        Files.write(jar, jarWith("handler.txt", "shaded"));
        assertThat(FunctionCode.classpath(jar)).containsExactly(jar);
    }

    @Test
    void directoryWithLibHasBoth() throws Exception {
        Files.writeString(dir.resolve("handler.txt"), "from the directory");
        Files.createDirectories(dir.resolve("lib"));
        Files.write(dir.resolve("lib/b.jar"), jarWith("b.txt", "b"));
        Files.write(dir.resolve("lib/a.jar"), jarWith("a.txt", "a"));

        assertThat(FunctionCode.classpath(dir)).containsExactly(dir, dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar"));
        try (URLClassLoader loader = FunctionCode.classLoader(dir, null)) {
            assertThat(read(loader, "handler.txt")).isEqualTo("from the directory");
            assertThat(read(loader, "a.txt")).isEqualTo("a");
        }
    }

    @Test
    void missingCodeIsAnError() {
        assertThatThrownBy(() -> FunctionCode.classpath(dir.resolve("missing.jar"))).hasMessageContaining("neither a file nor a directory");
    }
}
