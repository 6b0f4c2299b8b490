package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dates as people in the network write them (issue 21): day first in English (1/3/2026 is the 1st
 * of March, 31/12/2027 is understood), 31.12.2027 in German, ISO understood everywhere; the
 * calendar in the user's language; a date that cannot be read is said so at the field.
 */
class DatesBrowserIT extends BrowserSystemTest {

  @ParameterizedTest(name = "{0} ({1} px)")
  @CsvSource({
    "en-GB, 1280, 31/12/2027, 1/3/2026, 2026-03-01, December, This is not a date",
    "fr-FR, 390, 31/12/2027, 1/3/2026, 2026-03-01, Décembre, Ce n’est pas une date",
    "de-DE, 1280, 31.12.2027, 1.3.2026, 2026-03-01, Dezember, Das ist kein Datum"
  })
  void aDateIsReadAsTheUserWritesIt(
      String locale,
      int width,
      String endOfYear,
      String firstOfMarch,
      String firstOfMarchIso,
      String december,
      String badInput) {
    Page page = newPage(locale, width);
    PortalPages.signIn(page, "/steward/patients", "steward-lu");
    // The checkbox's own input: a click on the wide host may land beside its label.
    page.locator("#enrol-minor input").check();
    Locator picker = page.locator("#enrol-adult-on");
    assertThat(picker).isVisible();
    Locator input = picker.locator("input");

    input.fill(endOfYear);
    input.press("Enter");
    assertEquals("2027-12-31", picker.evaluate("el => el.value"));
    assertThat(picker).not().hasAttribute("invalid", "");

    input.fill(firstOfMarch);
    input.press("Enter");
    assertEquals(firstOfMarchIso, picker.evaluate("el => el.value"));

    // The calendar speaks the user's language: the month shown is the value's.
    input.fill(endOfYear);
    input.press("Enter");
    picker.locator("[slot='suffix'][part='toggle-button']").click();
    assertThat(page.locator("vaadin-date-picker-overlay")).containsText(december);
    input.press("Escape");
    assertThat(picker).not().hasAttribute("opened", "");
    PortalPages.awaitIdle(page);

    input.fill("31/31/2027");
    input.press("Enter");
    assertThat(picker).hasAttribute("invalid", "");
    assertThat(picker.locator("[slot='error-message']")).containsText(badInput);
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page), locale);
  }
}
