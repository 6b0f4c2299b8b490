package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An administrator in a real browser sets a committee's rules: a value that cannot work is marked
 * at its field and saves nothing; a good change is saved as a new version listed under the rules.
 */
class AdminBrowserIT extends BrowserSystemTest {

  @Test
  void anAdministratorChangesACommitteesRulesAndSeesEveryVersion() {
    Page page = newPage("de-DE", 1280);
    PortalPages.signIn(page, "/admin/committees", "admin");
    assertThat(page.locator("#committee-CH h2")).containsText("Schweiz");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    try {
      page.locator("#committee-CH-escalationDays input").fill("3");
      page.locator("#committee-CH-save").click();
      assertThat(page.locator("#committee-CH-status")).containsText("markierten Felder");
      assertThat(page.locator("#committee-CH-escalationDays")).hasAttribute("invalid", "");
      assertThat(page.locator("#committee-CH-escalationDays")).containsText("nach der Erinnerung");

      page.locator("#committee-CH-escalationDays input").fill("21");
      page.locator("#committee-CH-save").click();
      assertThat(page.locator("#committee-CH-status")).containsText("Als Version");
      assertThat(page.locator("#committee-CH-history li").first())
          .containsText("Vorsitz benachrichtigt nach 21 Tagen");
      assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
      PortalPages.screenshot(page, "admin-committees-de");
    } finally {
      assertEquals(
          200,
          Api.put("/api/v1/committees/CH", Tokens.user("admin"), CommitteeApiIT.SEEDED)
              .statusCode());
    }

    Page phone = newPage("en-GB", 390);
    PortalPages.signIn(phone, "/admin/committees", "admin");
    assertThat(phone.locator("#committee-LU-quorum input")).hasValue("2");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(phone));
  }

  @Test
  void anAdministratorPublishesADatasetItsNextVersionAndRetiresIt() {
    Page page = newPage("fr-FR", 1280);
    PortalPages.signIn(page, "/admin/datasets", "admin");
    assertThat(page.locator("#dataset-lu-crohn-biobank")).containsText("maladie de Crohn");
    page.locator("#dataset-new").click();
    page.locator("#dataset-id input").fill("ch-ms-browser");
    page.locator("#dataset-title input").fill("Registre SEP de Bâle");
    page.locator("#dataset-jurisdiction").click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Suisse (Bâle)")).click();
    page.locator("#dataset-cohort").click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Sclérose en plaques"))
        .click();
    page.locator("#dataset-permission").click();
    page.getByRole(
            AriaRole.OPTION, new Page.GetByRoleOptions().setName("recherche sur une maladie"))
        .click();
    page.locator("#dataset-save").click();
    assertThat(page.locator("#dataset-status")).containsText("champs signalés");
    assertThat(page.locator("#dataset-disease")).hasAttribute("invalid", "");
    page.locator("#dataset-disease").click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("sclérose en plaques"))
        .click();
    page.locator("#dataset-modules")
        .getByRole(
            AriaRole.CHECKBOX,
            new Locator.GetByRoleOptions()
                .setName("la recherche sur leur maladie avec leurs données cliniques"))
        .check();
    page.locator("#dataset-save").click();
    assertThat(page.locator("#dataset-status")).hasText("Le jeu de données est publié.");
    assertThat(page.locator("#dataset-versions li")).hasCount(1);

    page.locator("#dataset-title input").fill("Registre SEP de Bâle, 2010 à 2026");
    page.locator("#dataset-save").click();
    assertThat(page.locator("#dataset-status")).hasText("Publié comme version 2.");
    assertThat(page.locator("#dataset-versions li")).hasCount(2);
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));

    page.locator("#dataset-retire-button").click();
    page.locator("#confirm").click();
    assertThat(page.locator("#dataset-status")).hasText("Le jeu de données est retiré.");
    assertThat(page.locator("#dataset-retired")).isVisible();
    PortalPages.screenshot(page, "admin-dataset-fr");
  }

  @Test
  void anAdministratorDraftsComparesAndPublishesAConsentFormsNextVersion() throws Exception {
    // A form of its own (others' patients consent on the seed forms), on which patient-ch
    // consents: the one patient a major version asks again.
    String admin = Tokens.user("admin");
    String id = "ch-browser-draft-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    JsonNode seed = Api.json(Api.get("/api/v1/consent/forms/ch-general-consent/versions/1", admin));
    String v1 = ((ObjectNode) seed.deepCopy()).put("id", id).toString();
    assertEquals(201, Api.post("/api/v1/consent/forms", admin, v1).statusCode());
    String patient = Tokens.user("patient-ch");
    String consent =
        "{\"formId\":\""
            + id
            + "\",\"formVersion\":1,\"language\":\"fr\",\"decisions\":{\"CLINICAL-DATA\":\"permit\"}}";
    assertEquals(201, ConsentApiIT.consent(patient, "me", consent).statusCode());

    Page page = newPage("fr-FR", 1280);
    PortalPages.signIn(page, "/admin/consent-forms", "admin");
    assertThat(page.locator("#consent-form-" + id)).containsText("version 1 en vigueur");
    page.locator("#consent-form-" + id + " a").click();
    assertThat(page.locator("#form-fr-intro")).isVisible();
    String intro = seed.get("intro").get("fr").asText() + " Et cela, à tout moment.";
    page.locator("#form-fr-intro textarea").fill(intro);
    page.locator("#form-save-draft").click();
    assertThat(page.locator("#form-status")).containsText("champs signalés");
    assertThat(page.locator("#form-change")).hasAttribute("invalid", "");
    page.getByRole(
            AriaRole.RADIO,
            new Page.GetByRoleOptions()
                .setName(
                    "Le fond\u00a0: les patients qui ont consenti sont invités à consentir de nouveau"))
        .check();
    page.locator("#form-save-draft").click();
    assertThat(page.locator("#form-status")).containsText("Le brouillon est enregistré");
    assertThat(page.locator("#form-changes li")).hasCount(1);
    assertThat(page.locator("#form-changes li")).containsText("Introduction · Français");
    assertThat(page.locator("#form-changes ins")).hasCount(1);
    assertThat(page.locator("#form-changes ins")).hasText("Et cela, à tout moment.");
    assertThat(page.locator("#form-asked-again")).containsText("invite 1 patients");
    assertThat(page.locator("#form-preview-languages [lang=de]")).isVisible();
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    PortalPages.screenshot(page, "admin-consent-form-fr");

    Page phone = newPage("de-DE", 390);
    PortalPages.signIn(phone, "/admin/consent-form/" + id, "admin");
    assertThat(phone.locator("#form-de-intro")).isVisible();
    assertThat(phone.locator("#form-asked-again")).containsText("1 Personen");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(phone));

    // Back at a desk (a new page closes the one before): the draft waits as it was saved.
    page = newPage("fr-FR", 1280);
    PortalPages.signIn(page, "/admin/consent-form/" + id, "admin");
    java.util.function.Predicate<Mailboxes.Mail> request =
        mail -> "Please review your consent".equals(mail.subject());
    int asked =
        Mailboxes.inbox("patient-ch@demo.clinnova.eu").stream().filter(request).toList().size();
    page.locator("#form-publish").click();
    assertThat(page.getByRole(AriaRole.DIALOG)).containsText("invite 1 patients");
    page.locator("#confirm").click();
    assertThat(page.locator("#form-status"))
        .hasText("La version 2 est en vigueur. Patients invités à consentir de nouveau\u00a0: 1.");
    JsonNode v2 = Api.json(Api.get("/api/v1/consent/forms/" + id + "/versions/2", admin));
    assertEquals("major", v2.get("change").asText());
    assertEquals(intro, v2.get("intro").get("fr").asText());
    assertEquals(
        404,
        Api.get("/api/v1/consent/forms/" + id + "/draft", admin).statusCode(),
        "the draft went");
    // The patient asked again is told by e-mail, with the way to their consent page.
    Mailboxes.Mail told =
        Mailboxes.await("patient-ch@demo.clinnova.eu", request, asked + 1).get(asked);
    assertTrue(told.body().contains("Switzerland (Basel)"), told.body());
    assertTrue(told.body().contains(SystemTestEnvironment.portalUrl() + "/patient"), told.body());
    // patient-ch answers the request (other tests count theirs).
    assertEquals(
        201,
        ConsentApiIT.consent(
                patient, "me", consent.replace("\"formVersion\":1", "\"formVersion\":2"))
            .statusCode());
  }

  @Test
  void anAdministratorsHomeShowsADatasetInUseWhoseNodeNeverAskedTheGate() {
    // A dataset of its own, with one researcher's access granted and no release asked for yet.
    String dataset = DatasetApiIT.publishedOpen("de-quiet", "DE");
    String researcher = Tokens.user("researcher");
    String id = ApplicationApiIT.approvedNotAccepted(researcher, dataset, "DE", "BW-2026/041");
    assertEquals(
        201,
        Api.post(
                "/api/v1/applications/" + id + "/agreement",
                researcher,
                ApplicationApiIT.acceptance())
            .statusCode());

    Page page = newPage("de-DE", 1280);
    PortalPages.signIn(page, "/admin", "admin");
    assertThat(page.locator("#attention h2")).hasText("Was Aufmerksamkeit braucht");
    Locator quiet =
        page.locator("#attention-quiet-datasets li")
            .filter(
                new Locator.FilterOptions()
                    .setHas(page.locator("a[href='admin/dataset/" + dataset + "']")));
    assertThat(quiet).containsText("nie gefragt; 1 Zugänge gelten");
    assertThat(page.locator("#attention-nothing")).hasCount(0);
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    PortalPages.screenshot(page, "admin-home-de");

    Page phone = newPage("fr-FR", 390);
    PortalPages.signIn(phone, "/admin", "admin");
    assertThat(phone.locator("#attention-quiet-datasets")).containsText("jamais demandé");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(phone));
  }

  @Test
  void anAdministratorFollowsThePortalsEMailsAndEachAttempt() {
    // A submission tells the stewards of DE: an e-mail to follow.
    ApplicationApiIT.submittedApplication(
        Tokens.user("researcher2"), "de-ms-cohort", "DE", "BW-2023/118");
    MailIT.anyDelivery();
    Page page = newPage("en-GB", 1280);
    PortalPages.signIn(page, "/admin/messages", "admin");
    assertThat(PortalPages.heading(page)).hasText("E-mails");
    assertThat(page.locator("#messages-counts")).containsText("Sent:");
    page.locator("vaadin-grid-cell-content")
        .filter(
            new com.microsoft.playwright.Locator.FilterOptions().setHasText("@demo.clinnova.eu"))
        .first()
        .click();
    assertThat(
            page.locator("vaadin-grid-cell-content")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Kind:"))
                .first())
        .isVisible();
    PortalPages.screenshot(page, "admin-messages-en");
  }

  @Test
  void anAdministratorReadsThePoliciesAndPublishesTheAgreementsNextVersion() {
    Page page = newPage("en-GB", 1280);
    PortalPages.signIn(page, "/admin/policies", "admin");
    assertThat(page.locator("#policy-LU")).containsText("explicit consent, topic by topic");
    assertThat(page.locator("#policy-FR")).containsText("information and no objection");
    assertThat(page.locator("#policies-versions li").first()).containsText("in force since");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));

    page.navigate(SystemTestEnvironment.portalUrl() + "/admin/agreement");
    assertThat(page.locator("#agreement-versions li").first()).isVisible();
    int before =
        Api.json(Api.get("/api/v1/agreements", Tokens.user("admin"))).get(0).get("version").asInt();
    assertThat(page.locator("#agreement-versions li")).hasCount(before);
    page.locator("#agreement-next-text textarea").fill("");
    page.locator("#agreement-publish").click();
    page.locator("#confirm").click();
    assertThat(page.locator("#agreement-next-text")).hasAttribute("invalid", "");
    assertThat(page.locator("#agreement-next-text")).containsText("Write the agreement’s text.");
    String text =
        Api.json(Api.get("/api/v1/agreements/1", Tokens.user("admin"))).get("text").asText()
            + "\nBrowser test: results are shared with the patients' associations.\n";
    page.locator("#agreement-next-text textarea").fill(text);
    page.locator("#agreement-publish").click();
    assertThat(page.getByRole(AriaRole.DIALOG)).containsText("applicants accept this version");
    page.locator("#confirm").click();
    assertThat(page.locator("#agreement-status"))
        .hasText("Version " + (before + 1) + " is in force.");
    assertThat(page.locator("#agreement-versions li")).hasCount(before + 1);
    assertThat(page.locator("#agreement-in-force-text")).containsText("Browser test: results");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    PortalPages.screenshot(page, "admin-agreement-en");
  }

  /**
   * Opens the editor of {@code user}'s roles and waits until the dialog is open and the server has
   * nothing more to send: a checkbox clicked while the group's first value was still arriving was
   * set back once (CI, "Clicking the checkbox did not change its state").
   */
  private static void openStaffEditor(Page page, String user) {
    page.locator("#staff-change-" + user).click();
    assertThat(page.locator("#staff-cancel")).isFocused();
    PortalPages.awaitIdle(page);
  }

  /** The realm roles and groups the identity provider puts in a fresh token of {@code user}. */
  private static String claims(String user) throws Exception {
    String payload = Tokens.freshUser(user).split("\\.")[1];
    JsonNode token = new ObjectMapper().readTree(java.util.Base64.getUrlDecoder().decode(payload));
    return token.at("/realm_access/roles").toString() + " " + token.get("groups");
  }

  @Test
  void anAdministratorGivesAnotherPersonARoleAndAJurisdictionButNeverThemself() throws Exception {
    Page page = newPage("en-GB", 1280);
    PortalPages.signIn(page, "/admin/staff", "admin");
    assertThat(page.locator("#staff-admin")).containsText("This is your own account");
    assertThat(page.locator("#staff-change-admin")).hasCount(0);
    page.locator("#staff-role").click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Data steward")).click();
    assertThat(page.locator("#staff-list li")).hasCount(4);
    assertThat(page.locator("#staff-steward-lu")).containsText("Luxembourg");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));

    page.locator("#staff-role").click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Any")).click();
    openStaffEditor(page, "researcher2");
    page.locator("#staff-roles")
        .getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Committee member"))
        .check();
    page.locator("#staff-places")
        .getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Switzerland (Basel)"))
        .check();
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    page.locator("#staff-save").click();
    try {
      assertThat(page.locator("#staff-status")).containsText("are changed");
      assertThat(page.locator("#staff-researcher2")).containsText("Committee member");
      String claims = claims("researcher2");
      assertTrue(claims.contains("\"dac-member\"") && claims.contains("\"/CH\""), claims);
      PortalPages.screenshot(page, "admin-staff-en");
    } finally {
      openStaffEditor(page, "researcher2");
      page.locator("#staff-roles")
          .getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Committee member"))
          .uncheck();
      page.locator("#staff-places")
          .getByRole(
              AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Switzerland (Basel)"))
          .uncheck();
      page.locator("#staff-save").click();
      // The list is read again from Keycloak once the change is made.
      assertThat(page.locator("#staff-researcher2")).not().containsText("Committee member");
    }
    String after = claims("researcher2");
    assertTrue(!after.contains("dac-member") && !after.contains("/CH"), after);
  }
}
