package com.wildrydes.systemtests.browser;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Headless Chromium driven over WebDriver, with the browser and driver the operating system installed
 * (Debian's {@code chromium} and {@code chromium-driver}); Selenium Manager never downloads anything.
 * Other locations can be given with {@code -Dchromium.binary=...} and {@code -Dchromedriver=...}.
 * Each browser gets a fresh profile, deleted on close.
 */
final class Chromium implements AutoCloseable {

    static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("chromedriver", "/usr/bin/chromedriver");

    /** No sandbox: CI containers run as root. No background traffic: the tests must not need a network. */
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic", "--disable-dev-shm-usage", "--window-size=1280,1100", "--force-device-scale-factor=1",
            "--lang=en-US");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The browser or driver executables that are not there. */
    static List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (String executable : List.of(BINARY, DRIVER)) {
            if (!Files.isExecutable(Path.of(executable))) {
                missing.add(executable);
            }
        }
        return missing;
    }

    static String missingMessage(List<String> missing) {
        return "no " + String.join(" and no ", missing) + "; install Chromium and its driver with:"
                + " apt-get install chromium chromium-driver (or point -Dchromium.binary and -Dchromedriver at others)";
    }

    static Chromium start() {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the browser tests need Chromium: " + missingMessage(missing));
        }
        // Both ways of naming the driver: either one makes Selenium skip Selenium Manager.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER);
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        // The page's console messages, so a test can tell a script error from a page that merely looks wrong.
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
            return new Chromium(driver, profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Script errors the pages raised since the last call. Failed requests are not among them: a
     * page that shows an API's 502 or an unreachable URL is doing its job.
     */
    List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource") && !message.contains("net::ERR_"))
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
