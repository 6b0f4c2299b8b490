package eu.clinnova.deployment.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser test shares: one Chromium per test class, a fresh browser context (cookies,
 * storage) per test, closed after it.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
abstract class BrowserSystemTest {

  private static Playwright playwright;
  protected static Browser browser;
  private BrowserContext context;

  @BeforeAll
  static void startBrowser() {
    // Playwright's 5 s default flaked on a fresh, busy machine: every assertion waits up to 20 s
    // (a passing one returns as soon as it holds).
    PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    playwright = Browsers.playwright();
    browser = Browsers.chromium(playwright);
  }

  @AfterAll
  static void stopBrowser() {
    if (playwright != null) {
      playwright.close();
      playwright = null;
    }
  }

  /**
   * What the browser reported as blocked by the Content-Security-Policy in this test's pages: every
   * browser test fails on one (issue 16), so that each page the suite visits is proven to work
   * under the policy.
   */
  private final List<String> policyViolations = new CopyOnWriteArrayList<>();

  /** A page in a new context with the given locale and viewport width. */
  protected Page newPage(String locale, int width) {
    closeContext();
    context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setLocale(locale)
                .setViewportSize(width, 900)
                .setAcceptDownloads(true));
    context.onPage(this::watchPolicy);
    return context.newPage();
  }

  private void watchPolicy(Page page) {
    page.onConsoleMessage(
        message -> {
          if (message.text().contains("Content Security Policy")) {
            policyViolations.add(page.url() + ": " + message.text());
          }
        });
  }

  /** The context of the page {@link #newPage} opened last. */
  protected BrowserContext context() {
    return context;
  }

  @AfterEach
  void closeContext() {
    if (context != null) {
      context.close();
      context = null;
    }
    List<String> seen = List.copyOf(policyViolations);
    policyViolations.clear();
    assertEquals(List.of(), seen, "the Content-Security-Policy blocked something");
  }
}
