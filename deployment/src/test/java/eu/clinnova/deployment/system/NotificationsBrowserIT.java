package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 21, item 7: a notification names the application it is about, in the reader's language and
 * typography (French « … » with no-break spaces before the colon, German „…“), and says who it
 * concerns from the reader's side: the steward is told of a new application to check, the applicant
 * that their application came back to them.
 */
class NotificationsBrowserIT extends BrowserSystemTest {

  @ParameterizedTest(name = "{0} ({1} px)")
  @CsvSource(
      delimiter = '|',
      value = {
        "fr-FR | 390 | Une nouvelle demande à contrôler (complétude)\u00a0: «\u00a0{title}\u00a0» ·"
            + " Suisse (Bâle) | Votre demande vous a été renvoyée pour modification\u00a0:"
            + " «\u00a0{title}\u00a0» | Nouveau",
        "de-DE | 1280 | Ein neuer Antrag zur Vollständigkeitsprüfung: „{title}“ · Schweiz (Basel)"
            + " | Ihr Antrag wurde zur Überarbeitung zurückgegeben: „{title}“ | Neu"
      })
  void aNotificationNamesItsApplicationInTheReadersWords(
      String locale, int width, String toSteward, String toApplicant, String unread) {
    String title = "Notice " + UUID.randomUUID().toString().substring(0, 8);
    // The browser's language decides: no account preference from an earlier test.
    Api.delete("/api/v1/me/preferences", Tokens.user("steward-ch"));
    Api.delete("/api/v1/me/preferences", Tokens.user("researcher2"));
    String id =
        ApplicationApiIT.submitted(
            Tokens.user("researcher2"),
            ApplicationApiIT.body(title, "ch-ibd-general"),
            "CH",
            "2024-00078");

    Page page = newPage(locale, width);
    PortalPages.signIn(page, "/notifications", "steward-ch");
    Locator toCheck = item(page, title);
    assertThat(toCheck).containsText(toSteward.replace("{title}", title));
    assertThat(toCheck).containsText(unread);
    assertNoSidewaysScrolling(page, locale);
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page), locale);
    PortalPages.screenshot(page, "notifications-" + locale.substring(0, 2));

    // The steward returns it: the applicant is told that their application came back, by title.
    ApplicationApiIT.complete(
        "steward-ch",
        ApplicationApiIT.taskOf(Tokens.user("steward-ch"), id, "completenessCheck").orElseThrow(),
        "{\"outcome\":\"return\",\"comment\":\"Please name the cohort.\"}");
    page = newPage(locale, width);
    PortalPages.signIn(page, "/notifications", "researcher2");
    Locator returned = item(page, title);
    assertThat(returned).containsText(toApplicant.replace("{title}", title));
    returned.locator("a").click();
    assertThat(page).hasURL(SystemTestEnvironment.portalUrl() + "/research/application/" + id);
    assertNoSidewaysScrolling(page, locale);
  }

  private static Locator item(Page page, String title) {
    return page.locator("#notification-list li", new Page.LocatorOptions().setHasText(title));
  }

  private static void assertNoSidewaysScrolling(Page page, String locale) {
    PortalPages.awaitIdle(page);
    assertTrue(
        (Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
        locale + ": the page scrolls sideways at " + page.url());
  }
}
