package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import eu.clinnova.node.NodeClient;
import eu.clinnova.node.ReleaseAsk;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Re-consent triggers have their effect on releases (issue 17): in Basel, a patient whose legal
 * representative consented is released; a data steward records, in the portal, that the patient
 * regained capacity; from then on the representative's yes no longer counts (consent-missing at the
 * gate), the patient is asked to decide, and their own yes releases them again.
 */
class ReconsentBrowserIT extends BrowserSystemTest {

  private static final String DATASET = "ch-ibd-general";
  private static final String NEEDED = "\"CLINICAL-DATA\":\"permit\",\"CROSS-BORDER\":\"permit\"";

  @Test
  void aRepresentativesYesLapsesOnceTheStewardRecordsRegainedCapacity() throws Exception {
    String steward = Tokens.user("steward-ch");
    String psn = "CH-R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    HttpResponse<String> enrolled =
        PatientApiIT.post(
            steward,
            "{\"psn\":\""
                + psn
                + "\",\"jurisdiction\":\"CH\",\"site\":\"USB\",\"cohorts\":[\"IBD\"],"
                + "\"minor\":false}");
    assertEquals(201, enrolled.statusCode(), enrolled.body());
    assertEquals(201, consent(steward, psn, "representative").statusCode());

    String researcher = Tokens.user("researcher");
    String applicationId =
        ApplicationApiIT.approvedNotAccepted(researcher, DATASET, "CH", "2024-00417");
    assertEquals(
        201,
        Api.post(
                "/api/v1/applications/" + applicationId + "/agreement",
                researcher,
                ApplicationApiIT.acceptance())
            .statusCode());
    String recipient = Api.json(Api.get("/api/v1/me", researcher)).get("sub").asText();
    NodeClient node = ReleaseGateIT.node("node-ch");
    ReleaseAsk ask = new ReleaseAsk(applicationId, DATASET, recipient, List.of(psn));
    assertEquals(List.of(psn), node.ask(ask).releasable(), "the representative's yes counts");

    // The steward records, in the portal, that the patient regained capacity.
    Page page = newPage("de-CH", 1280);
    PortalPages.signIn(page, "/steward/patient/" + psn, "steward-ch");
    assertThat(page.locator("#patient-capacity")).containsText("gesetzliche Vertretung");
    page.locator("#capacity-regained").click();
    assertThat(page.locator("#patient-state-CLINICAL-DATA")).containsText("zählt nicht mehr");
    assertThat(page.locator("#patient-capacity")).hasCount(0);
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));

    NodeClient.Outcome lapsed = node.ask(ask);
    assertEquals(List.of(), lapsed.releasable());
    assertEquals("consent-missing", lapsed.answer().denied().get(0).reason());
    JsonNode states = Api.json(Api.get("/api/v1/patients/" + psn + "/consents", steward));
    assertEquals(
        "renewal-due",
        ConsentApiIT.stateOf(states, "CLINICAL-DATA").get("reason").asText(),
        states.toString());
    // A representative can no longer sign for them; a second record is refused.
    HttpResponse<String> again = consent(steward, psn, "representative");
    assertEquals(400, again.statusCode(), again.body());
    assertTrue(again.body().contains("regained capacity"), again.body());

    // The patient's own decision (on paper, signed by them) releases them again.
    assertEquals(201, consent(steward, psn, "staff-paper").statusCode());
    assertEquals(List.of(psn), node.ask(ask).releasable());
  }

  /** A paper consent on the Basel form, signed as {@code signer}, with its scan. */
  private static HttpResponse<String> consent(String steward, String psn, String signer) {
    String evidence = ConsentApiIT.evidence(steward, psn);
    String name = signer.equals("staff-paper") ? "" : ",\"name\":\"Legal Representative\"";
    return ConsentApiIT.consent(
        steward,
        psn,
        "{\"formId\":\"ch-general-consent\",\"formVersion\":1,\"language\":\"de\",\"decisions\":{"
            + NEEDED
            + "},\"signer\":{\"kind\":\""
            + signer
            + "\""
            + name
            + "},\"evidenceAttachmentId\":\""
            + evidence
            + "\"}");
  }
}
