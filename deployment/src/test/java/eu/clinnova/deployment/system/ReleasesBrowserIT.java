package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The releases as people see them: the compliance officer finds a decision and opens its audit
 * entry with the proof, the committee of the dataset's jurisdiction sees it and another does not,
 * and the patient finds it under "who used my data".
 */
class ReleasesBrowserIT extends BrowserSystemTest {

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
    // The search exported: one line per decision, leading back to the log.
    com.microsoft.playwright.Download export =
        compliance.waitForDownload(() -> compliance.locator("#releases-csv").click());
    List<String> lines = java.nio.file.Files.readAllLines(export.path());
    assertTrue(lines.get(0).startsWith("release_id,decided_at,node,application_id"), lines.get(0));
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(1).startsWith(String.valueOf(outcome.answer().releaseId())), lines.get(1));
    assertTrue(lines.get(1).contains(",partial,2,1,"), lines.get(1));
    assertTrue(lines.get(1).contains("," + outcome.answer().audit().index() + ","), lines.get(1));
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

    // The patient reads who used their data in words, as cards on a phone, and follows the
    // project to its entry in the public register.
    Page patient = newPage("en-GB", 390);
    PortalPages.signIn(patient, "/consent/disclosures", "patient-lu");
    final String releaseId = outcome.answer().releaseId();
    Locator card = patient.locator("#disclosure-" + releaseId);
    assertThat(card.locator("h2")).hasText("Study LU");
    assertThat(card).containsText("University of Luxembourg");
    assertThat(card).containsText("Progression models of Crohn disease.");
    assertThat(card).containsText("IBD clinical course, Luxembourg (Luxembourg)");
    assertThat(card).containsText("node-lu");
    assertThat(card).containsText("entry no. " + outcome.answer().audit().index());
    PortalPages.assertInPatientsWords(patient);
    assertEquals(
        Boolean.TRUE,
        patient.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
        "no sideways scrolling on a phone");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(patient));
    PortalPages.screenshot(patient, "disclosures-patient-en");
    Locator register = patient.locator("#register-link-" + releaseId);
    assertThat(register).hasAttribute("href", "register?lang=en#project-" + grant.applicationId());
    register.click();
    patient.waitForURL("**/register?lang=en*");
    assertThat(patient.locator("#project-" + grant.applicationId())).containsText("Study LU");
    patient.goBack();
    assertThat(card).isVisible();

    // The same in German on a laptop: the project in words, the labels in German.
    Page desktop = newPage("de-DE", 1280);
    PortalPages.signIn(desktop, "/consent/disclosures", "patient-lu");
    Locator karte = desktop.locator("#disclosure-" + releaseId);
    assertThat(karte.locator("h2")).hasText("Study LU");
    assertThat(karte).containsText("Was das Projekt tut");
    assertThat(karte).containsText("IBD clinical course, Luxembourg (Luxemburg)");
    PortalPages.assertInPatientsWords(desktop);
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(desktop));
    desktop.close();
    patient = newPage("en-GB", 390);
    PortalPages.signIn(patient, "/consent/disclosures", "patient-lu");

    // The patient saves the proof that this release included them; it verifies offline.
    Locator proof = patient.locator("#proof-" + releaseId);
    assertThat(proof)
        .hasAttribute(
            "aria-label",
            java.util.regex.Pattern.compile("^Save the proof \\(file\\) that .*Study LU.*"));
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

  @Test
  void aGuardianDownloadsTheProofThatAReleaseIncludedTheirWard() throws Exception {
    String steward = Tokens.user("steward-lu");
    HttpResponse<String> enrolled =
        PatientApiIT.post(
            steward,
            "{\"psn\":\"LU-7104\",\"jurisdiction\":\"LU\",\"site\":\"CHL\","
                + "\"cohorts\":[\"IBD\"],\"minor\":true,\"adultOn\":\"2041-05-01\"}");
    assertEquals(201, enrolled.statusCode(), enrolled.body());
    HttpResponse<String> issued = Api.post("/api/v1/patients/LU-7104/guardian-code", steward, "");
    assertEquals(201, issued.statusCode(), issued.body());
    String guardian = Tokens.user("patient-de");
    assertEquals(
        200,
        Api.post(
                "/api/v1/me/activation",
                guardian,
                "{\"code\":\"" + Api.json(issued).get("guardianCode").asText() + "\"}")
            .statusCode());
    String consent =
        "{\"formId\":\"lu-research-consent\",\"formVersion\":1,\"language\":\"en\","
            + "\"decisions\":{"
            + ReleaseGateIT.ALL_NEEDED
            + "},\"signer\":{\"kind\":\"guardian\"}}";
    assertEquals(
        201, Api.post("/api/v1/patients/LU-7104/consents", guardian, consent).statusCode());
    ReleaseGateIT.Grant grant = ReleaseGateIT.grant("researcher2");
    var outcome = ReleaseGateIT.ask(ReleaseGateIT.node("node-lu"), grant, List.of("LU-7104"));
    assertEquals(List.of("LU-7104"), outcome.releasable());
    String releaseId = outcome.answer().releaseId();
    // The contract's guardian access, over the API.
    assertEquals(
        200,
        Api.get("/api/v1/patients/LU-7104/releases/" + releaseId + "/proof", guardian)
            .statusCode());

    Page page = newPage("fr-FR", 390);
    PortalPages.signIn(page, "/ward/LU-7104", "patient-de");
    assertThat(page.locator("#ward-disclosures")).hasText("Qui a utilisé leurs données");
    com.microsoft.playwright.Locator proof = page.locator("#proof-" + releaseId);
    assertThat(proof).hasText("Enregistrer la preuve (fichier)");
    assertThat(page.locator("#disclosure-" + releaseId + " h3")).hasText("Study LU");
    PortalPages.assertInPatientsWords(page);
    proof.scrollIntoViewIfNeeded();
    com.microsoft.playwright.Download download = page.waitForDownload(proof::click);
    assertEquals("release-proof-LU-7104-" + releaseId + ".json", download.suggestedFilename());
    java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
    int status =
        eu.clinnova.audit.verifier.VerifierLauncher.proof(
            new String[] {
              "--key", Api.get("/api/v1/audit/verifier-key", null).body(),
              "--psn", "LU-7104",
              "--proof", download.path().toString()
            },
            new java.io.PrintStream(output, true, java.nio.charset.StandardCharsets.UTF_8));
    String text = output.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, status, text);
    assertTrue(text.contains("included LU-7104: permitted"), text);
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
  }
}
