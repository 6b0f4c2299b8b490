package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole path in the browser with two jurisdictions: a researcher writes and submits an
 * application, a steward checks completeness and ethics, the committees of Luxembourg and Basel
 * vote and their chairs decide, the researcher accepts the agreement and sees the entitlements.
 */
class ApplicationBrowserIT extends BrowserSystemTest {

  static final String TITLE = "Crohn flares predicted by AI " + System.nanoTime() % 100000;

  @Test
  void anEmptyDraftIsDeletedFromItsPageWithWordsForADraft() {
    String token = Tokens.user("researcher2");
    HttpResponse<String> created = Api.post("/api/v1/applications", token, "{}");
    assertEquals(201, created.statusCode(), created.body());
    String id = Api.json(created).get("id").asText();
    Page page = newPage("fr-FR", 390);
    PortalPages.signIn(page, "/research/application/" + id, "researcher2");
    page.locator("#app-discard").click();
    assertThat(page.locator("#confirmation-title")).hasText("Supprimer ce brouillon\u00a0?");
    assertThat(page.locator("vaadin-dialog-overlay")).not().containsText("accès");
    page.locator("#confirm").click();
    page.waitForURL("**/research/applications");
    assertEquals(404, Api.get("/api/v1/applications/" + id, token).statusCode());
  }

  @Test
  void applyCheckTwoCommitteesApproveAgreementAndEntitlements() {
    Page page = newPage("en-GB", 1280);
    PortalPages.signIn(page, "/research/applications", "researcher");
    String token = Tokens.user("researcher");
    int before = Api.json(Api.get("/api/v1/applications?state=draft", token)).size();
    // "New application" stores nothing until something is typed: left at once, no draft remains.
    page.locator("#application-new").click();
    page.waitForURL("**/research/application/new");
    assertThat(page.locator("#new-intro")).isVisible();
    page.navigate(SystemTestEnvironment.portalUrl() + "/research/applications");
    assertThat(page.locator("#application-new")).isVisible();
    assertEquals(
        before,
        Api.json(Api.get("/api/v1/applications?state=draft", token)).size(),
        "no draft was made");
    page.locator("#application-new").click();
    page.waitForURL("**/research/application/new");
    page.locator("#app-title input").fill(TITLE);
    page.waitForURL(Pattern.compile(".*/research/application/[0-9a-f-]{36}$"));
    String id = page.url().replaceAll(".*/", "");
    assertThat(page.locator("#save-status")).containsText("Draft saved");
    assertThat(page.locator("#app-title input")).hasValue(TITLE);
    page.locator("#app-summary textarea").fill("We learn to foresee flares of Crohn disease.");
    choose(page, "#app-category", "research on one disease");
    choose(page, "#app-disease", "Crohn disease");
    page.locator("#app-description textarea").fill("Prediction models of flares.");
    page.locator("#app-methods input").check();
    page.locator(
            "#app-datasets vaadin-checkbox",
            new Page.LocatorOptions().setHasText("IBD clinical course, Luxembourg"))
        .click();
    page.locator(
            "#app-datasets vaadin-checkbox",
            new Page.LocatorOptions().setHasText("IBD under general consent, Basel"))
        .click();
    page.locator("#app-team-0-name input").fill("Ada Researcher");
    // A wrong address is said at its field, in words, and nothing else typed is lost.
    page.locator("#app-team-0-email input").fill("ada@");
    assertThat(page.locator("#app-team-0-email [slot='error-message']"))
        .hasText("Enter an e-mail address like name@example.org.");
    assertThat(page.locator("#app-team-0-name input")).hasValue("Ada Researcher");
    page.locator("#app-team-0-email input").fill("ada@uni.example");
    assertThat(page.locator("#app-team-0-email")).not().hasAttribute("invalid", "");
    page.locator("#app-team-0-affiliation input").fill("University of Luxembourg");
    page.locator("#app-duration input").fill("24");
    page.locator("#app-duration input").press("Tab");
    assertThat(page.locator("#missing-list"))
        .containsText("Ethics approval for Luxembourg: still needed");
    assertThat(page.locator("#missing-list"))
        .containsText("Ethics approval for Switzerland (Basel)");
    assertThat(page.locator("#duo-summary")).containsText("IBD clinical course, Luxembourg");
    PortalPages.screenshot(page, "application-editor-en");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));

    // A file that only claims to be a PDF is refused where the upload is, and does not stay
    // listed as done or block the next try.
    page.locator("#app-upload input[type=file]")
        .setInputFiles(
            new FilePayload(
                "not-a-letter.pdf",
                "application/pdf",
                "hello".getBytes(StandardCharsets.US_ASCII)));
    assertThat(page.locator("#upload-result")).containsText("must be a PDF, PNG or JPEG");
    assertThat(page.locator("#app-upload vaadin-upload-file")).hasCount(0);
    // A file uploaded by mistake is removed (confirmed), and is gone from the list.
    page.locator("#app-upload input[type=file]")
        .setInputFiles(
            new FilePayload(
                "wrong-file.pdf",
                "application/pdf",
                "%PDF-1.4\n% not this one\n".getBytes(StandardCharsets.US_ASCII)));
    assertThat(page.locator("#file-list")).containsText("wrong-file.pdf");
    page.locator("#file-remove-0").click();
    assertThat(page.locator("#confirmation-title")).hasText("Remove wrong-file.pdf?");
    page.locator("#confirm").click();
    assertThat(page.locator("#file-list")).not().containsText("wrong-file.pdf");
    page.locator("#app-upload input[type=file]")
        .setInputFiles(
            new FilePayload(
                "ethics-letters.pdf",
                "application/pdf",
                "%PDF-1.4\n% approval letters\n".getBytes(StandardCharsets.US_ASCII)));
    assertThat(page.locator("#file-list")).containsText("ethics-letters.pdf");
    // Said to be the approval letter, it is the one an approval proposes.
    choose(page, "#file-kind-0", "Ethics approval letter");
    assertThat(page.locator("#upload-result"))
        .hasText("ethics-letters.pdf: Ethics approval letter, saved.");
    // A reference not of the committee's form is said at its field, which gets the focus.
    choose(page, "#app-ethics-jurisdiction", "Luxembourg");
    page.locator("#app-ethics-committee input").fill("CNER");
    page.locator("#app-ethics-reference input").fill("BASEC 17");
    setDate(page, "#app-ethics-from", LocalDate.now().minusMonths(2));
    setDate(page, "#app-ethics-until", LocalDate.now().plusMonths(10));
    page.locator("#app-ethics-add").click();
    assertThat(page.locator("#app-ethics-reference")).hasAttribute("invalid", "");
    assertThat(page.locator("#app-ethics-reference [slot='error-message']"))
        .hasText(
            "This is not a reference of that committee: write it like the example under the"
                + " field.");
    assertThat(page.locator("#app-ethics-reference")).hasAttribute("focused", "");
    declareEthics(page, "Luxembourg", "CNER", "CNER 202301");
    declareEthics(page, "Switzerland (Basel)", "EKNZ", "2023-00123");
    assertThat(page.locator("#checklist-ready")).isVisible();
    // The AI question must be answered explicitly: submitting without it marks the field.
    page.locator("#app-submit").click();
    assertThat(page.locator("#app-ai-training")).hasAttribute("invalid", "");
    assertThat(page.locator("#app-ai-training")).containsText("Please answer");
    assertThat(page.locator("#application-state")).not().containsText("submitted");
    page.locator(
            "#app-ai-training vaadin-radio-button",
            new Page.LocatorOptions().setHasText("Yes, it trains or validates AI models"))
        .click();
    PortalPages.awaitIdle(page);
    assertThat(page.locator("#save-status")).containsText("Draft saved");
    page.reload();
    // Consent for the purpose, before submitting: what each dataset's patients must have agreed to.
    assertThat(page.locator("#needed-lu-ibd-clinical"))
        .containsText("Patients must have agreed to: research on their disease");
    assertThat(page.locator("#needed-lu-ibd-clinical"))
        .containsText("training and validating AI models");
    // ... and roughly how many of the dataset's patients that leaves today.
    assertThat(page.locator("#subjects-today-lu-ibd-clinical"))
        .containsText(
            java.util.regex.Pattern.compile(
                "^Today (about [0-9,]+|fewer than 10) of the [0-9,]+ patients in this dataset's"
                    + " cohort have agreed to all of this\\."));
    page.locator("#app-submit").click();
    assertThat(page.locator("#confirmation-title")).hasText("Submit your application?");
    page.locator("#confirm").click();
    assertThat(page.locator("#application-state")).containsText("submitted");

    review("steward-lu", id, "completenessCheck", "approve", null);
    review("steward-lu", id, "ethicsCheck", "approve", null);
    review("steward-ch", id, "ethicsCheck", "approve", null);
    review("dac-lu", id, "dacVote", "approve", "A sound protocol.");
    review("chair-lu", id, "dacVote", "approve", "Agreed.");
    review("chair-lu", id, "chairDecision", "approve", null);
    review("dac-ch", id, "dacVote", "approve", "Fine.");
    review("chair-ch", id, "dacVote", "approve", "Fine too.");
    Page chair = review("chair-ch", id, "chairDecision", "approve", null);
    assertThat(chair.locator("#vote-list")).containsText("A sound protocol.");
    assertThat(chair.locator("#document")).containsText("Develops general methods");
    assertThat(chair.locator("#document")).containsText("Trains or validates AI models");
    assertThat(chair.locator("#needed-ch-ibd-general"))
        .containsText("training and validating AI models");
    assertThat(chair.locator("#subjects-today-ch-ibd-general"))
        .containsText("patients in this dataset's cohort");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(chair));
    chair.locator("#application-state").scrollIntoViewIfNeeded();
    PortalPages.screenshot(chair, "application-review-en");

    page = newPage("fr-FR", 390);
    PortalPages.signIn(page, "/research/application/" + id, "researcher");
    assertThat(page.locator("#application-state")).containsText("approuvée");
    assertThat(page.locator("#agreement-text")).containsText("data access agreement");
    page.locator("#agreement-confirm").click();
    assertThat(page.locator("#agreement-result")).containsText("cocher");
    page.locator("#agreement-accept").click();
    page.locator("#agreement-confirm").click();
    assertThat(page.locator("#entitlement-lu-ibd-clinical")).containsText("actif");
    // Datasets by their titles, not their ids.
    assertThat(page.locator("#entitlement-lu-ibd-clinical"))
        .containsText("IBD clinical course, Luxembourg");
    assertThat(page.locator("#entitlement-ch-ibd-general")).containsText("actif");
    assertThat(page.locator("#timeline-list")).containsText("Accès accordé");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    page.locator("#entitlements").scrollIntoViewIfNeeded();
    PortalPages.screenshot(page, "application-approved-fr-phone");

    // Luxembourg's committee revokes the access to its dataset, with a reason.
    page = newPage("de-DE", 1280);
    PortalPages.signIn(page, "/review/application/" + id, "dac-lu");
    page.locator("#revoke-reason-lu-ibd-clinical textarea").fill("Sicherheitsvorfall gemeldet.");
    page.locator("#revoke-lu-ibd-clinical").click();
    page.locator("#confirm").click();
    assertThat(page.locator("#review-result")).hasText("Zugang widerrufen.");
    assertThat(page.locator("#entitlement-lu-ibd-clinical")).containsText("widerrufen");
    assertThat(page.locator("#entitlement-ch-ibd-general")).containsText("aktiv");
    assertThat(page.locator("#revoke-ch-ibd-general")).hasCount(0);

    // Voted and decided: the committee still finds it, in its decisions archive.
    Page archive = newPage("en-GB", 1280);
    PortalPages.signIn(archive, "/review/applications", "dac-lu");
    archive.locator("#filter-title input").fill(TITLE);
    archive.locator("#filter-search").click();
    assertThat(archive.locator("#application-list li")).hasCount(1);
    assertThat(archive.locator("#application-list li")).containsText("Luxembourg: approved");
    assertThat(archive.locator("#application-list li")).containsText("Basel");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(archive));
    PortalPages.screenshot(archive, "committee-decisions-archive");
  }

  @Test
  void aResearcherFindsTheirDraftByItsTitleAndDeletesIt() {
    String researcher = Tokens.user("researcher");
    String title = "Draft to delete " + System.nanoTime() % 100000;
    HttpResponse<String> created =
        Api.post("/api/v1/applications", researcher, "{\"title\":\"" + title + "\"}");
    assertEquals(201, created.statusCode(), created.body());
    String id = Api.json(created).get("id").asText();

    Page page = newPage("fr-FR", 390);
    PortalPages.signIn(page, "/research/applications", "researcher");
    page.locator("#filter-title input").fill(title);
    page.locator("#filter-search").click();
    assertThat(page.locator("#application-list li")).hasCount(1);
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    page.locator("#discard-" + id).click();
    page.locator("#confirm").click();
    assertThat(page.locator("#application-list li")).hasCount(0);
    assertThat(page.locator("#applications-summary")).hasText("0 demandes");
    assertEquals(404, Api.get("/api/v1/applications/" + id, researcher).statusCode());
  }

  @Test
  void aResearcherAsksForARenewalFromTheApprovedApplicationsPage() {
    String researcher = Tokens.user("researcher2");
    String id =
        ApplicationApiIT.approvedNotAccepted(researcher, "ch-ibd-general", "CH", "2024-00099");
    String path = "/api/v1/applications/" + id;
    assertEquals(
        201, Api.post(path + "/agreement", researcher, ApplicationApiIT.acceptance()).statusCode());
    try {
      Page page = newPage("de-DE", 1280);
      PortalPages.signIn(page, "/research/application/" + id, "researcher2");
      assertThat(page.locator("#app-renew")).isVisible();
      page.locator("#app-renew").click();
      // The editor of the new draft opens in place of the approved application.
      assertThat(page.locator("#renewal-notice")).containsText("Verlängerung");
      assertThat(page)
          .not()
          .hasURL(SystemTestEnvironment.portalUrl() + "/research/application/" + id);
      assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
      String renewal = page.url().substring(page.url().lastIndexOf('/') + 1);
      assertEquals(
          id,
          Api.json(Api.get("/api/v1/applications/" + renewal, researcher)).get("renews").asText());
      PortalPages.screenshot(page, "renewal-draft-de");
    } finally {
      assertEquals(200, Api.post(path + "/withdraw", researcher, "").statusCode());
    }
  }

  @Test
  void aResearcherClosesTheProjectWithItsResultsWhichTheRegisterShows() {
    String researcher = Tokens.user("researcher");
    String title = "Closed study " + System.nanoTime() % 100000;
    String id =
        ApplicationApiIT.submitted(
            researcher, ApplicationApiIT.body(title, "lu-ibd-clinical"), "LU", "CNER 202494");
    ApplicationApiIT.approveIn(id, "lu");
    assertEquals(
        201,
        Api.post(
                "/api/v1/applications/" + id + "/agreement",
                researcher,
                ApplicationApiIT.acceptance())
            .statusCode());

    Page page = newPage("en-GB", 390);
    PortalPages.signIn(page, "/research/application/" + id, "researcher");
    page.locator("#app-close").click();
    assertThat(page.locator("#app-results")).hasAttribute("invalid", "");
    assertThat(page.locator("#app-results [slot='error-message']"))
        .hasText("Please say what came of the project.");
    page.locator("#app-results textarea").fill("Flares are predicted a month ahead.");
    page.locator("#app-publications textarea").fill("10.1000/clinnova.4\n");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    page.locator("#app-close").click();
    // Closing ends the access: asked first.
    assertThat(page.locator("#confirmation-title")).hasText("Close the project now?");
    page.locator("#confirm").click();

    assertThat(page.locator("#close-out-results")).hasText("Flares are predicted a month ahead.");
    assertThat(page.locator("#close-out-publications li")).hasText("10.1000/clinnova.4");
    assertThat(page.locator("#app-close")).hasCount(0);
    // The question fades out before it is gone: checked once it is (a half-faded dialog fails
    // the contrast rule).
    assertThat(page.locator("vaadin-dialog")).hasCount(0);
    assertThat(page.locator("#cancel")).hasCount(0);
    PortalPages.awaitIdle(page);
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    PortalPages.screenshot(page, "close-out-en-phone");

    Page register = newPage("en-GB", 390);
    register.navigate(
        SystemTestEnvironment.portalUrl()
            + "/register?q="
            + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8));
    assertThat(register.locator("#project-" + id))
        .containsText("Flares are predicted a month ahead.");
    assertThat(register.locator("#project-" + id)).containsText("10.1000/clinnova.4");
  }

  /**
   * A team member with an account (ADR 0027), in French on a phone: the application is among
   * theirs, marked as one whose team they are on; they read it without the applicant's steps and
   * accept the agreement in their own name; their access appears, and the applicant sees who
   * accepted and who has not yet.
   */
  @Test
  void aTeamMemberAcceptsTheAgreementInTheirOwnNameOnAPhone() {
    String researcher = Tokens.user("researcher");
    String title = "Team study " + System.nanoTime() % 100000;
    String body =
        ApplicationApiIT.body(title, "lu-ibd-clinical")
            .replace(
                "{\"name\":\"A. Researcher\"",
                "{\"name\":\"Rita Zweite\",\"email\":\"researcher2@demo.clinnova.eu\","
                    + "\"affiliation\":\"LIH\"},{\"name\":\"A. Researcher\"");
    String id = ApplicationApiIT.submitted(researcher, body, "LU", "CNER 202495");
    ApplicationApiIT.approveIn(id, "lu");
    String path = "/api/v1/applications/" + id;
    assertEquals(
        201, Api.post(path + "/agreement", researcher, ApplicationApiIT.acceptance()).statusCode());
    try {
      Page page = newPage("fr-FR", 390);
      PortalPages.signIn(page, "/research/applications", "researcher2");
      assertThat(page.locator("#team-badge-" + id)).hasText("Vous faites partie de l’équipe");
      page.navigate(SystemTestEnvironment.portalUrl() + "/research/application/" + id);
      assertThat(page.locator("#team-member-notice")).containsText("vous nomme dans son équipe");
      assertThat(page.locator("#app-withdraw")).hasCount(0);
      assertThat(page.locator("#app-amend")).hasCount(0);
      page.locator("#agreement-confirm").click();
      assertThat(page.locator("#agreement-result"))
          .hasText("Veuillez cocher la case pour accepter l’accord.");
      page.locator("#agreement-accept").click();
      page.locator("#agreement-confirm").click();

      assertThat(page.locator("#agreement-confirm")).hasCount(0);
      assertThat(page.locator("#entitlement-list")).containsText("Rita Zweite");
      assertThat(page.locator("#team-agreement-0")).containsText("a accepté l’accord le");
      assertThat(page.locator("#team-agreement-1")).containsText("n’a pas encore accepté");
      PortalPages.awaitIdle(page);
      assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
      PortalPages.screenshot(page, "team-member-fr-phone");

      Page applicant = newPage("en-GB", 1280);
      PortalPages.signIn(applicant, "/research/application/" + id, "researcher");
      assertThat(applicant.locator("#team-agreement-0"))
          .containsText("Rita Zweite (LIH) · accepted the agreement on");
      assertThat(applicant.locator("#team-agreement-1"))
          .containsText("has not accepted the agreement yet");
      assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(applicant));
    } finally {
      assertEquals(200, Api.post(path + "/withdraw", researcher, "").statusCode());
    }
  }

  private static void choose(Page page, String select, String label) {
    page.locator(select).click();
    // An item of the opened list, not the select's own copy of its current value.
    page.locator(
            "vaadin-select-item:visible:not([id^='value-'])",
            new Page.LocatorOptions().setHasText(label))
        .first()
        .click();
  }

  private static void declareEthics(
      Page page, String jurisdiction, String committee, String reference) {
    choose(page, "#app-ethics-jurisdiction", jurisdiction);
    page.locator("#app-ethics-committee input").fill(committee);
    page.locator("#app-ethics-reference input").fill(reference);
    setDate(page, "#app-ethics-from", LocalDate.now().minusMonths(2));
    setDate(page, "#app-ethics-until", LocalDate.now().plusMonths(10));
    page.locator("#app-ethics-add").click();
    assertThat(page.locator("#ethics-list")).containsText(reference);
  }

  /** Sets a date picker's value as the component holds it (ISO), whatever the locale shows. */
  private static void setDate(Page page, String picker, LocalDate date) {
    page.locator(picker).evaluate("(el, value) => { el.value = value; }", date.toString());
  }

  /** Signs in as a reviewer, opens the application from the task inbox, and completes a task. */
  private Page review(String user, String id, String task, String outcome, String comment) {
    Page page = newPage("en-GB", 1280);
    PortalPages.signIn(page, "/review/tasks", user);
    assertThat(page.locator("#task-counts")).containsText("open task");
    // The inbox narrowed to this application by words of its title.
    page.locator("#tasks-filter-title input").fill(TITLE);
    assertThat(page.locator("#task-list a").first()).containsText(TITLE);
    page.locator("#task-list a", new Page.LocatorOptions().setHasText(TITLE)).first().click();
    page.waitForURL(Pattern.compile(".*/review/application/" + id + "$"));
    Locator form = page.locator("#task-" + task);
    assertThat(form).isVisible();
    if (task.equals("completenessCheck")) {
      // Nothing chosen: the decision field is marked, in words, and nothing is asked or recorded.
      form.locator("#task-send").click();
      assertThat(form.locator("#task-outcome")).hasAttribute("invalid", "");
      assertThat(form.locator("#task-outcome [slot='error-message']"))
          .hasText("Choose your decision.");
      assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);
    }
    form.locator("#task-outcome")
        .getByRole(
            AriaRole.RADIO,
            new Locator.GetByRoleOptions().setName(outcomeLabel(outcome)).setExact(true))
        .check();
    if (comment != null) {
      // A vote needs its reason: asked at the field, which gets the focus.
      form.locator("#task-send").click();
      assertThat(form.locator("#task-comment")).hasAttribute("invalid", "");
      assertThat(form.locator("#task-comment [slot='error-message']"))
          .hasText("Give a reason: the applicant and the committee read it.");
      assertThat(form.locator("#task-comment")).hasAttribute("focused", "");
      form.locator("#task-comment textarea").fill(comment);
    }
    form.locator("#task-send").click();
    // Confirmed with what it means, then recorded in plain words.
    assertThat(page.locator("#confirmation-title")).hasText("Record your decision?");
    page.locator("#confirm").click();
    assertThat(page.locator("#review-result")).containsText("Recorded: ");
    return page;
  }

  private static String outcomeLabel(String outcome) {
    return switch (outcome) {
      case "approve" -> "approve";
      case "reject" -> "reject";
      default -> "return to the applicant";
    };
  }
}
