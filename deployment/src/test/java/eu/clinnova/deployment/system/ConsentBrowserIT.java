package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The patient's consent pages in a real browser, in English, French and German, on a desktop and a
 * phone: give consent (when none is given yet), change one decision with one confirmation, withdraw
 * everything in one step, read the history and download a receipt; axe-core clean.
 */
class ConsentBrowserIT extends BrowserSystemTest {

  @ParameterizedTest(name = "{0} ({1}, {2} px)")
  @CsvSource({
    "patient-lu, en-GB, 1280, Yes, No, Your decisions, AI-TRAINING, You allow 0 of 9 uses",
    "patient-fr, fr-FR, 390, Oui, Non, Vos décisions, GENETIC, vous autorisez : 0 sur 9",
    "patient-de, de-DE, 1280, Ja, Nein, Ihre Entscheidungen, AI-TRAINING, Sie erlauben 0 von 9"
  })
  void aPatientGivesChangesAndWithdrawsConsentAndGetsAReceipt(
      String user,
      String locale,
      int width,
      String yes,
      String no,
      String heading,
      String module,
      String allowedNoneText)
      throws Exception {
    Page page = newPage(locale, width);
    PortalPages.signIn(page, "/patient", user);
    assertThat(page.locator("#consent-modules-heading")).hasText(heading);
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page), user);

    if (locale.startsWith("fr")) {
      // FR rests on non-opposition: the demo patient was informed, so reuse is permitted.
      assertThat(page.locator("#state-CLINICAL-DATA"))
          .hasText(java.util.regex.Pattern.compile("^Oui, sauf opposition"));
    }
    Locator firstForm = page.locator("#consent-form");
    if (firstForm.isVisible()) {
      page.locator(
              "#choice-CLINICAL-DATA vaadin-radio-button",
              new Page.LocatorOptions().setHasText(yes))
          .click();
      page.locator("#save-consent").click();
      page.locator("#confirm").click();
      assertThat(page.locator("#consent-form")).isHidden();
    }
    PortalPages.screenshot(page, "consent-dashboard-" + locale.substring(0, 2));
    assertEquals(
        Boolean.TRUE,
        page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
        "no sideways scrolling at " + width + " px");

    // Give consent to one module if it has none, then withdraw that one module: one
    // confirmation each.
    Locator state = page.locator("#state-" + module);
    if (!state.textContent().startsWith(yes)) {
      page.locator("#change-" + module).click();
      assertThat(page.locator("vaadin-dialog-overlay")).isVisible();
      page.locator("#confirm").click();
      assertThat(state).hasText(java.util.regex.Pattern.compile("^" + yes));
    }
    page.locator("#change-" + module).click();
    assertThat(page.locator("vaadin-dialog-overlay")).isVisible();
    page.locator("#confirm").click();
    assertThat(state).hasText(java.util.regex.Pattern.compile("^" + no));

    // Everything, in one step (with a yes to clinical data, to have something to restore).
    Locator clinical = page.locator("#state-CLINICAL-DATA");
    if (!clinical.textContent().startsWith(yes)) {
      page.locator("#change-CLINICAL-DATA").click();
      page.locator("#confirm").click();
      assertThat(clinical).hasText(java.util.regex.Pattern.compile("^" + yes));
    }
    page.locator("#withdraw-all").click();
    page.locator("#confirm").click();
    assertThat(clinical).hasText(java.util.regex.Pattern.compile("^" + no));
    assertThat(page.locator("#state-" + module)).hasText(java.util.regex.Pattern.compile("^" + no));
    assertThat(page.locator("#consent-allowed")).containsText(allowedNoneText);
    PortalPages.assertInPatientsWords(page);

    // Consent again in one step: the yes answers the withdrawal took, listed by title.
    String clinicalTitle = page.locator("#module-title-CLINICAL-DATA").textContent();
    assertThat(page.locator("#restore-list")).containsText(clinicalTitle);
    PortalPages.screenshot(page, "consent-restore-" + locale.substring(0, 2));
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page), user + " restore");
    page.locator("#restore-choices").click();
    assertThat(page.locator("vaadin-dialog-overlay")).containsText(clinicalTitle);
    page.locator("#confirm").click();
    assertThat(clinical).hasText(java.util.regex.Pattern.compile("^" + yes));
    assertThat(page.locator("#restore")).hasCount(0);
    assertThat(page.locator("#consent-allowed")).not().containsText(allowedNoneText);

    // A statement of the choices now, and the notice with the data protection officer.
    Download statement = page.waitForDownload(() -> page.locator("#statement-pdf").click());
    assertTrue(statement.suggestedFilename().startsWith("consent-statement-"));
    byte[] statementPdf = Files.readAllBytes(statement.path());
    assertEquals(
        "%PDF-", new String(statementPdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
    page.locator("#consent-notice vaadin-details-summary").click();
    assertThat(page.locator("#dpo-link"))
        .hasAttribute("href", java.util.regex.Pattern.compile("^mailto:dpo-"));
    assertThat(page.locator("#dpo-link")).isVisible();

    // And withdrawn again, as the other tests expect this patient.
    page.locator("#withdraw-all").click();
    page.locator("#confirm").click();
    assertThat(clinical).hasText(java.util.regex.Pattern.compile("^" + no));

    // The history has the withdrawal on top, and each record's receipt downloads as a PDF.
    page.navigate(SystemTestEnvironment.portalUrl() + "/consent/history");
    Locator rows = page.locator("#history-list a", new Page.LocatorOptions().setHasText("PDF"));
    assertThat(rows.first()).isVisible();
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page), user + " history");
    // In the patient's words and time: module titles, never codes; no ISO time, no UTC (issue 21).
    PortalPages.assertInPatientsWords(page);
    Download download = page.waitForDownload(() -> rows.first().click());
    byte[] pdf = Files.readAllBytes(download.path());
    assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));

    page.navigate(SystemTestEnvironment.portalUrl() + "/consent/disclosures");
    assertThat(page.locator("#disclosures-empty")).isVisible();
    PortalPages.assertInPatientsWords(page);
  }
}
