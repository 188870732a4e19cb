package org.raccord.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its own chromedriver (no browser download), signed in
 * as a user of the local registry: the console uses HTTP Basic, so every request of the page
 * carries the user's Authorization header, set through the DevTools protocol.
 */
public final class ConsoleBrowser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    /** {@code user} is "name:password", or null for an anonymous visitor. */
    public ConsoleBrowser(String user) throws IOException {
        this(user, Http.BASE);
    }

    /**
     * A browser for the server at {@code base}; over HTTPS it accepts the test's own self-signed
     * certificate (the production package's tests).
     */
    public ConsoleBrowser(String user, String base) throws IOException {
        this.base = base;
        profile = Files.createTempDirectory("raccord-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("raccord.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1440,1000", "--user-data-dir=" + profile);
        if (base.startsWith("https:")) {
            options.addArguments("--ignore-certificate-errors");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("raccord.it.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        if (user != null) {
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))));
        }
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** The text of every element the selector matches, read in one go (the console redraws its tables). */
    public String text(String css) {
        return String.valueOf(driver.executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.innerText).join('\\n')", css));
    }

    /** Clicks an element once it is scrolled to the middle of the window, clear of the sticky header. */
    public void click(String css) {
        // The console redraws its tables every few seconds: an element found just before a redraw
        // is gone by the time it is clicked, so it is found again.
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement element = find(css);
                driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                element.click();
                return;
            } catch (StaleElementReferenceException redrawn) {
                if (attempt == 5) {
                    throw redrawn;
                }
            }
        }
    }

    /** Scrolls the page so that the element is at the top of the window (before a screenshot). */
    public void show(String css) {
        driver.executeScript("arguments[0].scrollIntoView()", find(css));
    }

    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
