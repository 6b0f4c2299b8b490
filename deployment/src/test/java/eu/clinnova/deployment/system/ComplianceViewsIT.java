package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compliance officer searches the audit log, inspects an entry, exports, and verifies the log.
 */
class ComplianceViewsIT extends BrowserSystemTest {

  private Page page;

  @BeforeEach
  void open() {
    page = newPage("en-GB", 1280);
  }

  @Test
  void searchingTheLogShowsTheEntryWithItsVerifiedInclusionProof() {
    PortalPages.signIn(page, "/compliance/audit-log", "compliance");
    assertThat(PortalPages.heading(page)).hasText("Audit log");
    // Home, audit log, patients, applications, releases, verification, record, policies,
    // settings.
    assertThat(page.locator("vaadin-side-nav-item")).hasCount(10);
    page.locator("#filter-action input").fill("portal.started");
    page.locator("#search").click();
    assertThat(page.locator("#results-status")).containsText("shown, newest first");
    Locator firstCell =
        page.locator(
                "vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Portal started"))
            .first();
    assertThat(firstCell).isVisible();
    firstCell.click();
    assertThat(page.locator("#inclusion-verdict"))
        .containsText("verifies against the current signed checkpoint");
    assertThat(page.locator("#entry-facts")).containsText("Portal started (portal.started)");
    assertThat(page.locator("#entry-raw")).containsText("The entry as hashed");
    PortalPages.screenshot(page, "compliance-audit-log");
  }

  @Test
  void actorsAreShownByNameAndRoleAndEntriesAsFacts() {
    // The steward lists their patients: an entry whose actor is a named staff account.
    assertEquals(200, Api.get("/api/v1/patients?q=LU-0", Tokens.user("steward-lu")).statusCode());
    PortalPages.signIn(page, "/compliance/audit-log", "compliance");
    page.locator("#filter-action input").fill("patients.listed");
    page.locator("#search").click();
    Locator cell =
        page.locator(
                "vaadin-grid-cell-content",
                new Page.LocatorOptions().setHasText("Sam Steward LU (Data steward)"))
            .first();
    assertThat(cell).isVisible();
    cell.click();
    assertThat(page.locator("#entry-facts")).containsText("Patients listed (patients.listed)");
    assertThat(page.locator("#entry-facts")).containsText("Sam Steward LU (Data steward)");
    assertThat(page.locator("#entry-facts")).containsText("LU-0");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
  }

  @Test
  void anEntryNamesItsDatasetsByTitleBesideTheirIds() {
    String id =
        ApplicationApiIT.submitted(
            Tokens.user("researcher"),
            ApplicationApiIT.body("Audit titles", "lu-ibd-clinical"),
            "LU",
            "CNER 202460");
    PortalPages.signIn(page, "/compliance/audit-log", "compliance");
    page.locator("#filter-action input").fill("application.submitted");
    page.locator("#filter-subject-id input").fill(id);
    page.locator("#search").click();
    assertThat(page.locator("#results-status")).containsText("1 entry shown");
    page.locator(
            "vaadin-grid-cell-content",
            new Page.LocatorOptions().setHasText("Application submitted"))
        .first()
        .click();
    // The title to read, the id to compare with a node's or a committee's records.
    assertThat(page.locator("#entry-facts"))
        .containsText("IBD clinical course, Luxembourg (lu-ibd-clinical)");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
  }

  @Test
  void theSearchExportsAsCsv() throws Exception {
    PortalPages.signIn(page, "/compliance/audit-log", "compliance");
    assertThat(page.locator("#results-status")).containsText("shown, newest first");
    Download download = page.waitForDownload(() -> page.locator("#export-csv").click());
    String csv = Files.readString(download.path());
    assertTrue(
        csv.startsWith(
            "index,time,action,actor_role,actor_sub,subject_type,subject_id,leaf_hash_hex"),
        csv);
    assertTrue(csv.contains(",portal.started,system,portal,"), csv);
  }

  @Test
  void verifyingTheLogNowReportsThatItVerifies() {
    PortalPages.signIn(page, "/compliance/verify", "compliance");
    assertThat(page.locator("#checkpoint")).containsText("\u2014 ");
    page.locator("#verify-now").click();
    assertThat(page.locator("#verify-verdict")).hasText("The log verifies");
    PortalPages.screenshot(page, "compliance-verify");
  }

  @Test
  void anEntryWhoseLeafWasEditedIsNotShownAsIncluded() throws Exception {
    long index = AuditTampering.newest("portal.started");
    // The stored leaf hash is kept: only hashing the leaf shown again tells the edit.
    try (AuditTampering.Edit edit =
        AuditTampering.editLeaf(index, leaf -> leaf.replace("portal.started", "portal.stopped"))) {
      PortalPages.signIn(page, "/compliance/audit-log", "compliance");
      page.locator("#filter-action input").fill("portal.started");
      page.locator("#search").click();
      assertThat(page.locator("#results-status")).containsText("shown, newest first");
      // The edited entry's own row, by its index: the grid's cells are not in row order, and
      // the grid recycles rows: a cell found may be hidden, or hold another row by the time the
      // click lands (seen once in a full run: the neighbouring entry opened). So only visible
      // cells are clicked, once the UI is idle, until the detail names the entry asked for.
      String heading = "Entry " + String.format(java.util.Locale.ENGLISH, "%,d", index);
      for (int attempt = 1; ; attempt++) {
        // The grid fills in after the status; a recycled row's cells stay in the page, hidden.
        PortalPages.awaitIdle(page);
        page.locator(
                "vaadin-grid-cell-content:visible",
                new Page.LocatorOptions()
                    .setHasText(java.util.regex.Pattern.compile("^" + index + "$")))
            .first()
            .click();
        try {
          assertThat(page.locator("#entry-detail h2"))
              .containsText(
                  heading,
                  new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                      .setTimeout(5_000));
          break;
        } catch (AssertionError missed) {
          if (attempt == 5) {
            throw missed;
          }
        }
      }
      assertThat(page.locator("#entry-detail")).containsText("portal.stopped");
      assertThat(page.locator("#inclusion-verdict")).containsText("does NOT verify");
    }
  }

  @Test
  void aPatientCannotOpenTheAuditLog() {
    PortalPages.signIn(page, "/compliance/audit-log", "patient-ch");
    assertThat(page.locator("#not-found")).isVisible();
  }

  @Test
  void aPatientsConsentAtAnyMomentItsHistoryWhoReadItAndItsFhirExport() throws Exception {
    PortalPages.signIn(page, "/compliance/patient", "compliance");
    page.locator("#find-q input").fill("LU-0001");
    page.locator("#find-q input").press("Enter");
    page.locator("a[href='compliance/patient/LU-0001']").click();
    assertThat(page.locator("#patient-state-when")).containsText("Consent as it stood on");
    // Opening the patient was itself a read, shown with the officer's name.
    assertThat(page.locator("#patient-reads")).containsText("Cora Compliance (Compliance officer)");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));

    // The picker's value as the component holds it (ISO), whatever the locale shows.
    page.locator("#as-of")
        .evaluate(
            "(el, value) => { el.value = value;"
                + " el.dispatchEvent(new CustomEvent('change', {bubbles: true})); }",
            "2020-01-01T09:00");
    page.locator("#as-of-show").click();
    assertThat(page.locator("#patient-state-when")).containsText("2020");
    assertThat(page.locator("#patient-state-CLINICAL-DATA")).isVisible();

    Download download = page.waitForDownload(() -> page.locator("#patient-fhir").click());
    String bundle = Files.readString(download.path());
    assertTrue(bundle.contains("\"resourceType\":\"Bundle\""), bundle);
    PortalPages.screenshot(page, "compliance-patient");
  }
}
