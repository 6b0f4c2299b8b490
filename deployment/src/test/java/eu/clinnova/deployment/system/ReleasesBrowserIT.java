package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The releases as people see them: the compliance officer finds a decision and opens its audit
 * entry with the proof, the committee of the dataset's jurisdiction sees it and another does not,
 * and the patient finds it under "who used my data".
 */
class ReleasesBrowserIT extends BrowserSystemTest {

  @Deployment(testable = false)
  static WebArchive portal() {
    return PortalDeployment.war();
  }

  @Test
  void aReleaseIsSeenByComplianceTheCommitteeAndThePatient() throws Exception {
    ReleaseGateIT.Grant grant = ReleaseGateIT.grant("researcher");
    assertEquals(
        201,
        ConsentApiIT.consent(
                Tokens.user("patient-lu"), "me", ConsentApiIT.luConsent(ReleaseGateIT.ALL_NEEDED))
            .statusCode());
    String withoutConsent = ReleaseGateIT.patient("\"IBD\"", null);
    var outcome =
        ReleaseGateIT.ask(ReleaseGateIT.node("node-lu"), grant, List.of("LU-0001", withoutConsent));
    assertEquals(List.of("LU-0001"), outcome.releasable());

    Page compliance = newPage("en-GB", 1280);
    PortalPages.signIn(compliance, "/releases", "compliance");
    assertThat(PortalPages.heading(compliance)).hasText("Releases");
    compliance.locator("#filter-application input").fill(grant.applicationId());
    compliance.locator("#search").click();
    assertThat(compliance.locator("#releases-status")).hasText("Decisions shown: 1, newest first.");
    assertThat(compliance.locator("#releases-grid")).containsText("Partly permitted");
    assertThat(compliance.locator("#releases-grid")).containsText("1 of 2");
    assertThat(compliance.locator("#releases-grid")).containsText("no consent: 1");
    PortalPages.screenshot(compliance, "releases-compliance-en");
    com.microsoft.playwright.Locator auditLink =
        compliance.locator(
            "#releases-grid a",
            new Page.LocatorOptions().setHasText(String.valueOf(outcome.answer().audit().index())));
    assertThat(auditLink)
        .hasAttribute("href", "compliance/audit-log?subject=" + outcome.answer().releaseId());
    auditLink.scrollIntoViewIfNeeded();
    auditLink.click();
    compliance.waitForURL("**/compliance/audit-log?subject=*");
    assertThat(PortalPages.heading(compliance)).hasText("Audit log");
    assertThat(compliance.locator("#inclusion-verdict"))
        .containsText("verifies against the current signed checkpoint");
    assertThat(compliance.locator("#entry-detail")).containsText("release.decided");

    // The committee follows the link from the application's review page.
    Page committee = newPage("de-DE", 390);
    PortalPages.signIn(committee, "/review/application/" + grant.applicationId(), "dac-lu");
    committee.locator("#releases-link").click();
    assertThat(PortalPages.heading(committee)).hasText("Freigaben");
    assertThat(committee.locator("#releases-grid")).containsText("Teilweise freigegeben");
    assertThat(committee.locator("#releases-status"))
        .hasText("Angezeigte Entscheidungen: 1, die neuesten zuerst.");

    Page otherCommittee = newPage("fr-FR", 1280);
    PortalPages.signIn(otherCommittee, "/releases", "dac-fr");
    otherCommittee.locator("#filter-application input").fill(grant.applicationId());
    otherCommittee.locator("#search").click();
    assertThat(otherCommittee.locator("#releases-status"))
        .hasText("Aucune décision ne correspond.");

    Page patient = newPage("en-GB", 390);
    PortalPages.signIn(patient, "/consent/disclosures", "patient-lu");
    assertThat(patient.locator("#disclosures-grid")).containsText("Study LU");
    assertThat(patient.locator("#disclosures-grid")).containsText("node-lu");
    assertThat(patient.locator("#disclosures-grid"))
        .containsText(String.valueOf(outcome.answer().audit().index()));
    PortalPages.screenshot(patient, "disclosures-patient-en");

    // The patient saves the proof that this release included them; it verifies offline.
    com.microsoft.playwright.Locator proof =
        patient.locator("#proof-" + outcome.answer().releaseId());
    assertThat(proof)
        .hasAttribute("aria-label", java.util.regex.Pattern.compile("^Proof that .*Study LU.*"));
    proof.scrollIntoViewIfNeeded();
    com.microsoft.playwright.Download download = patient.waitForDownload(proof::click);
    assertEquals(
        "release-proof-LU-0001-" + outcome.answer().releaseId() + ".json",
        download.suggestedFilename());
    java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
    int status =
        eu.clinnova.audit.verifier.VerifierLauncher.proof(
            new String[] {
              "--key", Api.get("/api/v1/audit/verifier-key", null).body(),
              "--psn", "LU-0001",
              "--proof", download.path().toString()
            },
            new java.io.PrintStream(output, true, java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(0, status, output.toString(java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(
        output
            .toString(java.nio.charset.StandardCharsets.UTF_8)
            .contains("included LU-0001: permitted"));
  }
}
