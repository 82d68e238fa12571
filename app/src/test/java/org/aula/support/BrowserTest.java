package org.aula.support;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.ViewportSize;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tests: the system Chromium driven by Playwright against the app on its random port. In CI (CI set) a
 * missing Chromium fails the run; elsewhere the tests are skipped with a message.
 *
 * <p>Every page a test visits is checked for accessibility (axe: no violation of impact serious or critical) and
 * width (no horizontal scroll at 360 px), in English and in Dutch:
 * <ul>
 *   <li>{@link #checkPage(Page)} checks the page as it is now (with its notice, open room, errors...) at the desktop
 *   width and at 360 px, then loads the same address again in the other language and checks that too. Call it after
 *   each visit whose state matters.</li>
 *   <li>So that nothing is forgotten, every Aula page a test's browsers loaded (by GET) and that no checkPage call
 *   covered is loaded again after the test, by the same person, in both languages, and checked the same way. The
 *   built-in BBB server's pages (/devbbb) are not Aula's pages and are left out.</li>
 * </ul>
 */
public abstract class BrowserTest extends AppTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("AULA_CHROMIUM", "/usr/bin/chromium"));
    static final ViewportSize DESKTOP = new ViewportSize(1280, 800);
    static final ViewportSize NARROW = new ViewportSize(360, 740);
    static final Set<String> SERIOUS = Set.of("serious", "critical");

    private static Playwright playwright;
    private static Browser browser;
    /** Page kinds (address with IDs generalised, person, language) already checked in this JVM. */
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final Map<BrowserContext, String> people = new HashMap<>();
    /** GET-loaded Aula pages per browser, in visiting order, for the check after the test. */
    private final Map<String, BrowserContext> visited = new LinkedHashMap<>();
    private final Map<Page, String> lastMethod = new HashMap<>();

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

    /** Runs after the subclass's own @AfterEach (JUnit runs superclass methods last), so the state is restored. */
    @AfterEach
    void checkVisitedPagesThenCloseContexts() {
        try {
            List<AssertionError> failures = new ArrayList<>();
            for (var entry : List.copyOf(visited.entrySet())) {
                for (String language : List.of("en-US", "nl-NL")) {
                    if (!CHECKED.add(kind(entry.getKey(), entry.getValue(), language))) {
                        continue;
                    }
                    Page page = entry.getValue().newPage();
                    try {
                        page.setExtraHTTPHeaders(Map.of("Accept-Language", language));
                        page.navigate(entry.getKey());
                        checkBothWidths(page);
                    } catch (AssertionError e) {
                        failures.add(e);
                    } finally {
                        page.close();
                    }
                }
            }
            if (!failures.isEmpty()) {
                AssertionError all = new AssertionError(failures.size() + " page(s) failed the accessibility or width "
                        + "check:\n" + failures.stream().map(Throwable::getMessage).collect(Collectors.joining("\n")));
                failures.forEach(all::addSuppressed);
                throw all;
            }
        } finally {
            contexts.forEach(BrowserContext::close);
            contexts.clear();
            people.clear();
            visited.clear();
            lastMethod.clear();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A fresh browser (own cookies) for one person, with English as the browser language. */
    protected Page newPage() {
        return newPage("en-US");
    }

    protected Page newPage(String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
                .setViewportSize(DESKTOP.width, DESKTOP.height));
        // The machine is shared with other builds: give slow page loads time.
        context.setDefaultTimeout(30_000);
        context.setDefaultNavigationTimeout(30_000);
        contexts.add(context);
        people.put(context, "anonymous");
        Page page = context.newPage();
        page.onResponse(response -> remember(page, context, response));
        return page;
    }

    private void remember(Page page, BrowserContext context, Response response) {
        if (!response.request().isNavigationRequest() || response.frame() != page.mainFrame()) {
            return;
        }
        lastMethod.put(page, response.request().method());
        String contentType = response.headerValue("content-type");
        boolean html = contentType != null && contentType.startsWith("text/html");
        if (html && response.status() < 300 && isAulaPage(response.url())
                && "GET".equals(response.request().method())) {
            visited.putIfAbsent(response.url(), context);
        }
    }

    private boolean isAulaPage(String address) {
        URI uri = URI.create(address);
        return uri.getPort() == port && !uri.getPath().startsWith("/devbbb");
    }

    /** Opens a fresh browser and signs in as the given user. */
    protected Page loginAs(String username, String password) {
        return loginAs(username, password, "en-US");
    }

    /** Opens a fresh browser in the given language and signs in as the given user. */
    protected Page loginAs(String username, String password, String locale) {
        Page page = newPage(locale);
        page.navigate(url("/login"));
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#login-submit");
        page.waitForURL(u -> !u.contains("/login"));
        people.put(page.context(), username);
        return page;
    }

    /** Demo users all have the password "demo". */
    protected Page loginAs(String username) {
        return loginAs(username, "demo");
    }

    /**
     * Checks the page as it is now, at the desktop width and at 360 px: no serious or critical axe violation, no
     * horizontal scroll. Then, when the page was loaded by GET, loads it again in the other language (English or
     * Dutch) in the same browser and checks that as well.
     */
    protected void checkPage(Page page) {
        String address = page.url();
        String language = String.valueOf(page.evaluate("document.documentElement.lang"));
        checkBothWidths(page);
        CHECKED.add(kind(address, page.context(), language.startsWith("nl") ? "nl-NL" : "en-US"));
        if (!"GET".equals(lastMethod.getOrDefault(page, "GET")) || !isAulaPage(address)) {
            return;
        }
        String other = language.startsWith("nl") ? "en-US" : "nl-NL";
        CHECKED.add(kind(address, page.context(), other));
        Page again = page.context().newPage();
        try {
            again.setExtraHTTPHeaders(Map.of("Accept-Language", other));
            again.navigate(address);
            checkBothWidths(again);
        } finally {
            again.close();
        }
    }

    private void checkBothWidths(Page page) {
        page.waitForLoadState(LoadState.LOAD);
        settle(page);
        ViewportSize before = page.viewportSize();
        try {
            checkAxe(page, "at " + before.width + " px");
            page.setViewportSize(NARROW.width, NARROW.height);
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            checkWidth(page);
            checkAxe(page, "at " + NARROW.width + " px");
        } finally {
            page.setViewportSize(before.width, before.height);
        }
    }

    /** Parts loaded by htmx on page load are part of the page: wait until no htmx request is in flight. */
    private static void settle(Page page) {
        page.evaluate("""
                () => new Promise(resolve => {
                  const started = Date.now();
                  const quiet = () => !document.querySelector('.htmx-request');
                  const poll = () => (quiet() || Date.now() - started > 5000) ? resolve() : setTimeout(poll, 50);
                  setTimeout(poll, 100);
                })""");
    }

    /**
     * Legacy mode runs axe in the page itself; the default mode opens an extra blank page per run to merge frame
     * results, which Aula's pages (no iframes) do not need and which is slow on a loaded machine.
     */
    private static void checkAxe(Page page, String where) {
        var results = new AxeBuilder(page).setLegacyMode(true).analyze();
        if (results.isErrored()) {
            throw new AssertionError("axe could not run on " + page.url() + ": " + results.getErrorMessage());
        }
        List<Rule> serious = results.getViolations().stream().filter(r -> SERIOUS.contains(r.getImpact())).toList();
        if (!serious.isEmpty()) {
            throw new AssertionError("axe on " + page.url() + " (" + lang(page) + ", " + where + "): "
                    + serious.stream().map(BrowserTest::describe).collect(Collectors.joining("; ")));
        }
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") at " + rule.getNodes().stream()
                .limit(5).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "));
    }

    private static void checkWidth(Page page) {
        Object overflow = page.evaluate("""
                () => {
                  const width = document.documentElement.clientWidth;
                  if (document.documentElement.scrollWidth <= width) return null;
                  const wide = [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > width + 0.5)
                    .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 0.5)
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                        + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)');
                  return document.documentElement.scrollWidth + ' px wide; too wide: ' + wide.join(', ');
                }""");
        if (overflow != null) {
            throw new AssertionError("horizontal scroll on " + page.url() + " (" + lang(page) + ") at "
                    + NARROW.width + " px: " + overflow);
        }
    }

    private static String lang(Page page) {
        return String.valueOf(page.evaluate("document.documentElement.lang"));
    }

    /** The same page for the same person in the same language: numeric IDs and query values do not matter. */
    private String kind(String address, BrowserContext context, String language) {
        URI uri = URI.create(address);
        String path = uri.getPath().replaceAll("/\\d+(?=/|$)", "/{id}");
        return people.getOrDefault(context, "anonymous") + " " + path + " " + language;
    }
}
