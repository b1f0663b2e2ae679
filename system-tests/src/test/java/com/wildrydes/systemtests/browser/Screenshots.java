package com.wildrydes.systemtests.browser;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps screenshots as test output in {@code target/screenshots/}. Run with
 * {@code -Dscreenshots.docs=<folder>} (as {@code scripts/screenshots} does), the published ones are
 * also written there: that is how the README's images in {@code docs/images/} are refreshed.
 */
final class Screenshots {

    private static final Path OUTPUT = Path.of("target", "screenshots").toAbsolutePath();
    private static final String DOCS = System.getProperty("screenshots.docs", "");

    private Screenshots() {
    }

    /** Saves a screenshot as test output; returns where. */
    static Path keep(TakesScreenshot source, String name) {
        return write(OUTPUT.resolve(name + ".png"), source.getScreenshotAs(OutputType.BYTES));
    }

    /** Saves it as test output and, when asked for, as the documentation's image of the same name. */
    static Path publish(TakesScreenshot source, String name) {
        byte[] png = source.getScreenshotAs(OutputType.BYTES);
        Path kept = write(OUTPUT.resolve(name + ".png"), png);
        if (!DOCS.isBlank()) {
            write(Path.of(DOCS).toAbsolutePath().resolve(name + ".png"), png);
        }
        return kept;
    }

    private static Path write(Path file, byte[] png) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the screenshot " + file, e);
        }
    }
}
