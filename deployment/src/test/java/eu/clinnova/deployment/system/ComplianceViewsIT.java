package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compliance officer searches the audit log, inspects an entry, exports, and verifies the log.
 */
class ComplianceViewsIT extends BrowserSystemTest {

  private Page page;

  @Deployment(testable = false)
  static WebArchive portal() {
    return PortalDeployment.war();
  }

  @BeforeEach
  void open() {
    page = newPage("en-GB", 1280);
  }

  @Test
  void searchingTheLogShowsTheEntryWithItsVerifiedInclusionProof() {
    PortalPages.signIn(page, "/compliance/audit-log", "compliance");
    assertThat(PortalPages.heading(page)).hasText("Audit log");
    // Home, audit log, releases, verification, record of processing.
    assertThat(page.locator("vaadin-side-nav-item")).hasCount(5);
    page.locator("#filter-action input").fill("portal.started");
    page.locator("#search").click();
    assertThat(page.locator("#results-status")).containsText("entries shown");
    Locator firstCell =
        page.locator(
                "vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("portal.started"))
            .first();
    assertThat(firstCell).isVisible();
    firstCell.click();
    assertThat(page.locator("#inclusion-verdict"))
        .containsText("verifies against the current signed checkpoint");
    PortalPages.screenshot(page, "compliance-audit-log");
  }

  @Test
  void theSearchExportsAsCsv() throws Exception {
    PortalPages.signIn(page, "/compliance/audit-log", "compliance");
    assertThat(page.locator("#results-status")).containsText("entries shown");
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
      assertThat(page.locator("#results-status")).containsText("entries shown");
      page.locator(
              "vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("portal.started"))
          .first()
          .click();
      assertThat(page.locator("#entry-detail")).containsText("portal.stopped");
      assertThat(page.locator("#inclusion-verdict")).containsText("does NOT verify");
    }
  }

  @Test
  void aPatientCannotOpenTheAuditLog() {
    PortalPages.signIn(page, "/compliance/audit-log", "patient-ch");
    assertThat(page.locator("#not-found")).isVisible();
  }
}
