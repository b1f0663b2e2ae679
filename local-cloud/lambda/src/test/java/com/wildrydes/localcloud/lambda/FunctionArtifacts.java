package com.wildrydes.localcloud.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.wildrydes.localcloud.testfunctions.Hello;
import org.joda.time.DateTime;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Function artifacts built from the compiled test functions, in the layouts Lambda accepts. */
final class FunctionArtifacts {

    private static final String PACKAGE_DIR = Hello.class.getPackageName().replace('.', '/');

    private FunctionArtifacts() {
    }

    /** The test classes directory itself: a directory code path. */
    static Path classesDirectory() {
        return location(Hello.class);
    }

    /** A jar holding the test functions, as a shaded function jar would. */
    static Path jar(Path dir) throws IOException {
        Path jar = dir.resolve("functions.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            addFunctions(out);
        }
        return jar;
    }

    /**
     * A zip with the test functions at the root and their libraries under lib/, as SAM builds one:
     * aws-lambda-java-events and the joda-time its serializers need.
     */
    static Path zipWithLib(Path dir) throws IOException {
        Path zip = dir.resolve("functions.zip");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(zip))) {
            addFunctions(out);
            for (Path library : List.of(location(APIGatewayProxyRequestEvent.class), location(DateTime.class))) {
                out.putNextEntry(new JarEntry("lib/" + library.getFileName()));
                Files.copy(library, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    private static void addFunctions(JarOutputStream out) throws IOException {
        Path classes = classesDirectory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes.resolve(PACKAGE_DIR))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
            Files.copy(file, (OutputStream) out);
            out.closeEntry();
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
