package com.wildrydes.localcloud.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.wildrydes.localcloud.testfunctions.ApiGatewayEcho;
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

/** The test functions' artifact: their classes at the root, their libraries under lib/, as SAM zips a function. */
final class TestFunctions {

    static final String ECHO = ApiGatewayEcho.class.getName();
    static final String HELLO = Hello.class.getName();

    private TestFunctions() {
    }

    static Path artifact(Path dir) throws IOException {
        Path zip = dir.resolve("test-functions.zip");
        Path classes = location(ApiGatewayEcho.class);
        String packageDir = ApiGatewayEcho.class.getPackageName().replace('.', '/');
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(zip));
             Stream<Path> files = Files.walk(classes.resolve(packageDir))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
            for (Path library : List.of(location(APIGatewayProxyRequestEvent.class), location(DateTime.class))) {
                out.putNextEntry(new JarEntry("lib/" + library.getFileName()));
                Files.copy(library, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
