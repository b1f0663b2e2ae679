package com.wildrydes.systemtests.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.wildrydes.systemtests.bench.functions.HelloApi;
import com.wildrydes.systemtests.bench.functions.HelloWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionCodeTest {

    @Test
    void theHelloWorldJarHoldsExactlyItsClasses(@TempDir Path dir) throws Exception {
        Path jar = FunctionCode.jar(dir.resolve("code/hello-world.jar"), List.of(HelloWorld.class, HelloApi.class));

        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(Collections.list(file.entries()).stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")))
                    .containsExactlyInAnyOrder("com/wildrydes/systemtests/bench/functions/HelloWorld.class",
                            "com/wildrydes/systemtests/bench/functions/HelloApi.class");
            assertThat(file.getManifest()).isNotNull();
        }
    }

    @Test
    void theHelloWorldJarRunsWithOnlyWhatTheRuntimeProvides(@TempDir Path dir) throws Exception {
        Path jar = FunctionCode.jar(dir.resolve("hello-world.jar"), List.of(HelloWorld.class));
        URL runtimeCore = RequestHandler.class.getProtectionDomain().getCodeSource().getLocation();

        // Not a child of this test's class loader, which would answer with its own HelloWorld.
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL(), runtimeCore}, ClassLoader.getPlatformClassLoader())) {
            Class<?> type = loader.loadClass(HelloWorld.class.getName());
            Object handler = type.getConstructor().newInstance();
            Object answer = type.getMethod("handleRequest", Map.class, loader.loadClass("com.amazonaws.services.lambda.runtime.Context"))
                    .invoke(handler, Map.of(), null);

            assertThat(type.getClassLoader()).isSameAs(loader);
            assertThat(answer).isEqualTo("Hello, world");
        }
    }

    @Test
    void aDirectoryHasTheClassesUnderTheirPackageAndTheLibrariesInLib(@TempDir Path dir) throws Exception {
        Path library = Files.writeString(dir.resolve("some-lib-1.0.jar"), "not really a jar");

        Path code = FunctionCode.directory(dir.resolve("fn"), List.of(HelloWorld.class), List.of(library));

        assertThat(code.resolve("com/wildrydes/systemtests/bench/functions/HelloWorld.class")).isRegularFile();
        assertThat(code.resolve("lib/some-lib-1.0.jar")).hasContent("not really a jar");
    }

    @Test
    void aFunctionGetsTheSdkButNotTheRuntimesLibraryOrOtherClientsAndServices() {
        Path repo = Path.of("/m2/repository");
        Path dynamodb = repo.resolve("software/amazon/awssdk/dynamodb/2.57.8/dynamodb-2.57.8.jar");
        Path crt = repo.resolve("software/amazon/awssdk/crt/aws-crt/0.49.0/aws-crt-0.49.0.jar");
        Path streams = repo.resolve("org/reactivestreams/reactive-streams/1.0.4/reactive-streams-1.0.4.jar");
        Path slf4j = repo.resolve("org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar");
        List<Path> classPath = List.of(
                dynamodb, crt, streams, slf4j,
                repo.resolve("software/amazon/awssdk/apache5-client/2.57.8/apache5-client-2.57.8.jar"),
                repo.resolve("software/amazon/awssdk/sns/2.57.8/sns-2.57.8.jar"),
                repo.resolve("com/amazonaws/aws-lambda-java-core/1.4.0/aws-lambda-java-core-1.4.0.jar"),
                repo.resolve("org/junit/jupiter/junit-jupiter-api/6.1.3/junit-jupiter-api-6.1.3.jar"),
                Path.of("/work/system-tests/target/test-classes"));

        assertThat(FunctionCode.sdkLibraries(classPath)).containsExactly(dynamodb, crt, streams, slf4j);
    }

    @Test
    void artifactIdComesFromTheRepositoryLayout() {
        assertThat(FunctionCode.artifactId(Path.of("/r/software/amazon/awssdk/http-auth-aws/2.57.8/http-auth-aws-2.57.8.jar")))
                .isEqualTo("http-auth-aws");
        assertThat(FunctionCode.artifactId(Path.of("lib/url-connection-client-2.57.8.jar"))).isEqualTo("url-connection-client");
    }
}
