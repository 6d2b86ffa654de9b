package org.dit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, for the web application's journeys (docs/web.md "Tests in a browser").
 * Nothing is downloaded: the browser and its driver are the system's ({@code apt-get install chromium
 * chromium-driver}, which .ci/run does where they are missing), and axe-core ships with the tests. Without them the
 * browser tests are skipped, saying why.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("DIT_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("DIT_CHROMEDRIVER", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "web-screenshots");
    private static String axeSource;

    final WebDriver driver;
    final String base;
    final WebDriverWait wait;

    /** Skips the calling test, with the reason, when the browser or its driver is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "browser tests skipped: no Chromium at " + CHROMIUM + " with its driver at " + CHROMEDRIVER
                        + " (apt-get install -y chromium chromium-driver; .ci/run installs them)");
    }

    Browser(int port) {
        this(port, 1280, 1000);
    }

    Browser(int port, int width, int height) {
        assumeInstalled();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--lang=en-GB", "--window-size=" + width + "," + height);
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    void signIn(String username, String password) {
        open("/sign-in");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        wait.until(d -> !path().startsWith("/sign-in"));
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        wait.until(d -> path().startsWith("/sign-in"));
    }

    /** Waits until the page's script has read what it shows (it sets data-ready on the body). */
    void ready() {
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement byId(String id) {
        return find(By.id(id));
    }

    /** Sets a field as a user's typing would (date and time inputs included), firing input and change. */
    void set(String id, String value) {
        WebElement field = byId(id);
        ((JavascriptExecutor) driver).executeScript("""
                const f = arguments[0]; f.value = arguments[1];
                f.dispatchEvent(new Event('input', {bubbles: true})); f.dispatchEvent(new Event('change', {bubbles: true}));""",
                field, value);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            script("window.scrollTo(0, 0); document.activeElement?.blur();");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core on the page as it stands: no serious or critical violation of WCAG 2.1 A and AA. */
    @SuppressWarnings("unchecked")
    void assertAccessible(String page) {
        script(axe());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        List<String> violations = result instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(result));
        assertThat(violations).as("serious or critical WCAG 2.1 AA violations on " + page).isEmpty();
    }

    /** The page's API calls and how long each took, as its script measured them. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> timings() {
        Object timings = script("return window.ditTimings || [];");
        return timings instanceof List<?> list ? new ArrayList<>((List<Map<String, Object>>) list) : List.of();
    }

    /**
     * Writes the page's API calls with their times (and the page's own load, from the Navigation Timing API) to
     * target/web-screenshots/timings-NAME.txt; none may take 5 s.
     */
    void saveTimings(String name) {
        List<Map<String, Object>> calls = timings();
        Object load = script("const n = performance.getEntriesByType('navigation')[0]; return n ? Math.round(n.duration) : -1;");
        StringBuilder text = new StringBuilder("page load (ms): " + load + "\n");
        calls.forEach(c -> text.append(c.get("method")).append(' ').append(c.get("path")).append(": ").append(c.get("ms"))
                .append(" ms\n"));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.writeString(SCREENSHOTS.resolve("timings-" + name + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(calls).as("the page's API calls").isNotEmpty()
                .allSatisfy(c -> assertThat(((Number) c.get("ms")).longValue()).as(c.toString()).isLessThan(5000));
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
