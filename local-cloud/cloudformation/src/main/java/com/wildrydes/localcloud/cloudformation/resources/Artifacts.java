package com.wildrydes.localcloud.cloudformation.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The function artifacts a template points at ({@code CodeUri}, {@code Code}): Maven builds them,
 * so they are found relative to the template's folder, and their digest tells a redeploy whether
 * the code changed, as the S3 key of a packaged artifact does in AWS.
 */
public final class Artifacts {

    private Artifacts() {
    }

    /** The artifact's absolute path; refuses a missing one with the command that builds it. */
    public static Path locate(Path templateDirectory, String property, String location) {
        if (location.startsWith("s3://")) {
            throw new ProvisioningException(property + " " + location + " is an S3 location; local-cloud runs the artifact Maven"
                    + " built, so " + property + " must be a path relative to the template (e.g. target/function.jar)");
        }
        Path path = templateDirectory.resolve(location).normalize().toAbsolutePath();
        if (!Files.exists(path)) {
            throw new ProvisioningException(property + " " + location + " does not exist: build it first with ./mvnw package");
        }
        return path;
    }

    /** SHA-256 of a jar or zip; for a folder, of its files' names, sizes and modification times. */
    public static String digest(Path artifact) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(artifact)) {
                try (Stream<Path> files = Files.walk(artifact)) {
                    List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
                    for (Path file : sorted) {
                        String entry = artifact.relativize(file) + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis() + "\n";
                        sha.update(entry.getBytes(StandardCharsets.UTF_8));
                    }
                }
            } else {
                try (InputStream in = Files.newInputStream(artifact)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        sha.update(buffer, 0, read);
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + artifact, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
