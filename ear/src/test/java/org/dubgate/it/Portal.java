package org.dubgate.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The portal in Debian's Chromium, driven by Playwright on the system's Node.js (the pom leaves out
 * Playwright's bundled Node and sets PLAYWRIGHT_NODEJS_PATH). One browser per test class, as a JUnit
 * extension; each sign-in gets a fresh browser context, so sessions never leak between users.
 * <p>
 * {@link #check} is what every main page must pass besides its own test: axe-core finds no serious or
 * critical violation; Tab reaches every visible control, each with a visible focus indicator; no
 * script error or Content-Security-Policy refusal happened on the page; and a screenshot is kept.
 * axe-core is injected as an init script, which the page's CSP (script-src 'self') does not apply to,
 * so the pages are tested under the policy they are served with.
 */
public final class Portal implements BeforeAllCallback, AfterAllCallback {

    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private Playwright playwright;
    private Browser browser;
    private String axe;
    private Path screenshots;
    private final Map<Page, List<String>> failures = new java.util.concurrent.ConcurrentHashMap<>();

    private Portal() {
    }

    /** One browser for a test class: {@code @RegisterExtension static final Portal portal = Portal.perClass();} */
    public static Portal perClass() {
        return new Portal();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        axe = Files.readString(Path.of(System.getProperty("dubgate.it.axe")));
        screenshots = Files.createDirectories(Path.of(System.getProperty("dubgate.it.screenshots")));
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(Path.of(System.getProperty("dubgate.it.chromium", "/usr/bin/chromium")))
                .setArgs(CHROMIUM_ARGS));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (playwright != null) {
            browser.close();
            playwright.close();
        }
    }

    /** The sign-in page in a fresh context, nobody signed in. */
    public Page signInPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(Api.BASE)
                .setViewportSize(1280, 900).setLocale("en-GB").setTimezoneId("UTC"));
        context.setDefaultTimeout(20_000);
        context.addInitScript(axe);
        Page page = context.newPage();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        failures.put(page, seen);
        page.onPageError(error -> seen.add("script error: " + error));
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                seen.add("CSP: " + message.text());
            }
        });
        page.navigate("/");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        return page;
    }

    /** Signs in through the form and waits for the shell to name the user. */
    public Page signIn(String username, String password) {
        Page page = signInPage();
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByTestId("who")).containsText(username);
        return page;
    }

    /** What every main page must pass (see the class comment); {@code name} names its screenshot. */
    public void check(Page page, String name) {
        page.waitForFunction("() => !document.querySelector('.working')");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
        List<String> problems = new ArrayList<>(failures.getOrDefault(page, List.of()));
        problems.addAll(accessibilityViolations(page));
        problems.addAll(keyboardProblems(page));
        if (!problems.isEmpty()) {
            fail(name + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }

    private static List<String> accessibilityViolations(Page page) {
        String found = (String) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return JSON.stringify(result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + n.failureSummary) })));
                }""");
        List<String> problems = new ArrayList<>();
        for (JsonObject v : Api.parse(found).asJsonArray().getValuesAs(JsonObject.class)) {
            problems.add("axe " + v.getString("impact") + " " + v.getString("id") + " (" + v.getString("help") + "): "
                    + v.getJsonArray("nodes"));
        }
        return problems;
    }

    /**
     * Marks every visible, enabled control (a radio group as one, as Tab treats it), then tabs from the
     * skip link through the page: each must be reached, and each reached element must show an outline or
     * a shadow while focused.
     */
    private static List<String> keyboardProblems(Page page) {
        int controls = ((Number) page.evaluate("""
                () => {
                  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])';
                  const all = [...document.querySelectorAll(selector)]
                    .filter(e => !e.disabled && e.checkVisibility({ visibilityProperty: true }) && !e.closest('[inert]'));
                  // a radio group is one Tab stop (arrow keys move within it): its radios share one mark
                  const controls = [];
                  const groups = new Map();
                  for (const e of all) {
                    const group = e.type === 'radio' && e.name ? (e.form?.id ?? '') + '/' + e.name : null;
                    if (group && groups.has(group)) {
                      e.setAttribute('data-kb', groups.get(group));
                      continue;
                    }
                    const mark = String(controls.length);
                    if (group) groups.set(group, mark);
                    e.setAttribute('data-kb', mark);
                    controls.push(e);
                  }
                  document.querySelector('.skip')?.focus();
                  return controls.length;
                }""")).intValue();
        java.util.Set<Integer> reached = new java.util.TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (int press = 0; press < controls * 2 + 10 && reached.size() < controls; press++) {
            page.keyboard().press("Tab");
            JsonObject focus = Api.parse((String) page.evaluate("""
                    () => {
                      const e = document.activeElement;
                      if (!e || e === document.body) return JSON.stringify({});
                      const s = getComputedStyle(e);
                      const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
                      return JSON.stringify({ kb: e.getAttribute('data-kb'), visible,
                        what: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || e.name || '').trim().slice(0, 40) });
                    }""")).asJsonObject();
            if (!focus.containsKey("kb") || focus.isNull("kb")) {
                continue;
            }
            int kb = Integer.parseInt(focus.getString("kb"));
            if (reached.add(kb) && !focus.getBoolean("visible")) {
                problems.add("no visible focus on " + focus.getString("what"));
            }
        }
        if (reached.size() < controls) {
            JsonArray missed = Api.parse((String) page.evaluate("reached => JSON.stringify([...new Map([...document"
                    + ".querySelectorAll('[data-kb]')].map(e => [e.getAttribute('data-kb'), e])).values()]"
                    + ".filter(e => !reached.includes(Number(e.getAttribute('data-kb'))))"
                    + ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || e.name || '').trim().slice(0, 40)))",
                    List.copyOf(reached))).asJsonArray();
            problems.add("not reachable by Tab: " + missed);
        }
        return problems;
    }

}
