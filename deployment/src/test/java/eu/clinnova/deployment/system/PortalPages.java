package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Page objects for the system tests: Keycloak's login form and the portal's frame. */
final class PortalPages {

  private PortalPages() {}

  /** Opens {@code path} of the portal and signs in on Keycloak's page as a demo user. */
  static void signIn(Page page, String path, String username) {
    page.navigate(SystemTestEnvironment.portalUrl() + path);
    assertOnKeycloakLogin(page);
    page.locator("#username").fill(username);
    page.locator("#password").fill(username);
    page.locator("#kc-login").click();
    page.waitForURL(url -> url.startsWith(SystemTestEnvironment.portalUrl()));
  }

  static void assertOnKeycloakLogin(Page page) {
    assertThat(page)
        .hasURL(
            Pattern.compile(
                "^"
                    + jsRegexLiteral(SystemTestEnvironment.keycloakRealmUrl())
                    + "/protocol/openid-connect/auth"));
    assertThat(page.locator("#username")).isVisible();
  }

  /** Playwright hands patterns to the browser's RegExp, which knows no \\Q...\\E quoting. */
  private static String jsRegexLiteral(String text) {
    return text.replaceAll("[.?*+^$()\\[\\]{}|\\\\/]", "\\\\$0");
  }

  /** Waits until Vaadin's client has no request to the server left in flight. */
  static void awaitIdle(Page page) {
    page.waitForFunction(
        "() => !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients"
            + " || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
  }

  static Locator heading(Page page) {
    return page.locator("main h1");
  }

  static void chooseLanguage(Page page, String label) {
    page.locator("vaadin-select").click();
    page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(label)).click();
  }

  /**
   * Runs axe-core (WCAG 2.0/2.1 A and AA rules, with label-in-name) on the page and returns the
   * serious and critical violations, each as "rule: elements".
   */
  @SuppressWarnings("unchecked")
  static List<String> seriousAccessibilityViolations(Page page) {
    Path axe = Path.of(System.getProperty("clinnova.axe"));
    if (!Files.exists(axe)) {
      throw new IllegalStateException("axe-core missing at " + axe + " (installed by the build)");
    }
    // Colours are measured on what has settled: a notification or dialog still fading in or out
    // is half transparent, and would read as a contrast failure it is not.
    page.waitForFunction(
        "() => !document.querySelector('vaadin-notification-card[opening],"
            + " vaadin-notification-card[closing], vaadin-dialog-overlay[opening],"
            + " vaadin-dialog-overlay[closing]')");
    // Loaded once per document: a page checked again at another width keeps it.
    if (Boolean.FALSE.equals(page.evaluate("() => typeof axe !== 'undefined'"))) {
      page.addScriptTag(new Page.AddScriptTagOptions().setPath(axe));
    }
    return (List<String>)
        page.evaluate(
            """
            async () => {
              const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                // WCAG 2.5.3 (label in name) is an axe rule still marked experimental, so not run
                // by the tags alone; speech-input users need it (issue 23).
                rules: { 'label-content-name-mismatch': { enabled: true } },
                // only violations are read: axe skips building the passes and the incomplete
                resultTypes: ['violations']
              });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '));
            }
            """);
  }

  /** The network's module codes, which a patient's page must never show (issue 21). */
  static final List<String> MODULE_CODES =
      List.of(
          "CLINICAL-DATA",
          "BROAD-HEALTH",
          "SAMPLES",
          "GENETIC",
          "AI-TRAINING",
          "CROSS-BORDER",
          "COMMERCIAL",
          "RECONTACT",
          "FINDINGS");

  /**
   * The page's main content speaks the patient's words: no module code, no ISO timestamp, no "UTC"
   * (dates and times in their locale, on the network's clock with its zone named).
   */
  static void assertInPatientsWords(Page page) {
    String text = page.locator("main").first().innerText();
    for (String code : MODULE_CODES) {
      org.junit.jupiter.api.Assertions.assertFalse(
          text.contains(code), code + " on " + page.url() + ": " + text);
    }
    org.junit.jupiter.api.Assertions.assertFalse(
        text.contains("UTC"), "UTC on " + page.url() + ": " + text);
    org.junit.jupiter.api.Assertions.assertFalse(
        java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(text).find(),
        "an ISO date on " + page.url() + ": " + text);
  }

  static void screenshot(Page page, String name) {
    Path directory = Path.of(System.getProperty("clinnova.screenshots"));
    page.screenshot(
        new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")).setFullPage(true));
  }
}
