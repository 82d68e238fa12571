package org.aula.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tests: the system Chromium driven by Playwright against the app on its random port. In CI (CI set) a
 * missing Chromium fails the run; elsewhere the tests are skipped with a message.
 */
public abstract class BrowserTest extends AppTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("AULA_CHROMIUM", "/usr/bin/chromium"));

    private static Playwright playwright;
    private static Browser browser;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void launchBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("Chromium is required for browser tests in CI: " + CHROMIUM);
            }
            Assumptions.abort("No Chromium at " + CHROMIUM + "; install the Debian package chromium");
        }
        if (playwright == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
    }

    @AfterAll
    static void keepBrowserForNextClass() {
        // One browser process serves every browser test class of the JVM; closed at exit.
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A fresh browser (own cookies) for one person, with English as the browser language. */
    protected Page newPage() {
        return newPage("en-US");
    }

    protected Page newPage(String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale));
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        return context.newPage();
    }

    /** Opens a fresh browser and signs in as the given user. */
    protected Page loginAs(String username, String password) {
        Page page = newPage();
        page.navigate(url("/login"));
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#login-submit");
        page.waitForURL(u -> !u.contains("/login"));
        return page;
    }

    /** Demo users all have the password "demo". */
    protected Page loginAs(String username) {
        return loginAs(username, "demo");
    }
}
