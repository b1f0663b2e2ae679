package com.wildrydes.systemtests.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** The rider page as a rider uses it: what it shows, and the clicks that drive it. */
final class RiderPage {

    /** A ride crosses three cold functions on its first run: allow for their JVMs starting. */
    private static final Duration RIDE_TIMEOUT = Duration.ofSeconds(45);

    /** One row of the trace timeline. */
    record Hop(String service, String name, String detail, boolean cold, boolean failed) {

        /** The hop as the timeline labels it, e.g. {@code SNS Publish}. */
        String step() {
            return service + " " + name;
        }

        @Override
        public String toString() {
            return step() + (cold ? " (cold)" : "") + (failed ? " (failed)" : "");
        }
    }

    /** What the ride card shows. */
    record Ride(String unicornName, String unicornColor, String rideId, String latency) {
    }

    private final WebDriver driver;

    RiderPage(WebDriver driver) {
        this.driver = driver;
    }

    RiderPage open(String url) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        return this;
    }

    String apiUrl() {
        return driver.findElement(By.id("api-url")).getDomProperty("value");
    }

    String apiSource() {
        return driver.findElement(By.id("api-source")).getText();
    }

    /** Clicks the map this many CSS pixels right of and below its centre. */
    RiderPage pickUpAt(int right, int down) {
        new Actions(driver).moveToElement(driver.findElement(By.id("map")), right, down).click().perform();
        return this;
    }

    double pickupLatitude() {
        return Double.parseDouble(driver.findElement(By.id("pickup")).getDomAttribute("data-latitude"));
    }

    double pickupLongitude() {
        return Double.parseDouble(driver.findElement(By.id("pickup")).getDomAttribute("data-longitude"));
    }

    /** Requests a unicorn and waits until the page shows the ride or an error. */
    RiderPage requestUnicorn() {
        WebElement button = driver.findElement(By.id("request-button"));
        button.click();
        new WebDriverWait(driver, RIDE_TIMEOUT).until(d ->
                d.findElement(By.id("ride")).isDisplayed() || d.findElement(By.id("error")).isDisplayed());
        return this;
    }

    boolean showsRide() {
        return driver.findElement(By.id("ride")).isDisplayed();
    }

    Ride ride() {
        return new Ride(text("unicorn-name"), text("unicorn-color"), text("ride-id"), text("latency"));
    }

    boolean showsError() {
        return driver.findElement(By.id("error")).isDisplayed();
    }

    String error() {
        return text("error");
    }

    String traceId() {
        return text("trace-id");
    }

    List<Hop> hops() {
        return driver.findElements(By.cssSelector("#trace .hop")).stream()
                .map(row -> new Hop(row.getDomAttribute("data-service"), row.getDomAttribute("data-name"),
                        row.getDomAttribute("data-detail"), Boolean.parseBoolean(row.getDomAttribute("data-cold")),
                        Boolean.parseBoolean(row.getDomAttribute("data-failed"))))
                .toList();
    }

    /**
     * Waits until the timeline's hops satisfy the condition (they arrive as each hop is recorded). The page
     * redraws the timeline when a late hop arrives, so a row may vanish while it is read: that read is retried.
     */
    List<Hop> awaitHops(Predicate<List<Hop>> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the trace never showed the expected hops; it shows " + hops())
                .until(d -> {
                    List<Hop> hops = hops();
                    return condition.test(hops) ? hops : null;
                });
    }

    /** The steps of the hops, in the order the timeline shows them. */
    static List<String> steps(List<Hop> hops) {
        return hops.stream().map(Hop::step).toList();
    }

    WebElement tracePanel() {
        return driver.findElement(By.id("trace-panel"));
    }

    void forgetRememberedApi() {
        ((JavascriptExecutor) driver).executeScript("localStorage.clear()");
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }
}
