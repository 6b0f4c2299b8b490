package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each role's home page shows their work, not only who is signed in (issue 21): the researcher what
 * waits for them and their applications by state, stewards and committee members their open tasks,
 * compliance the log; in English, French and German, on a phone and a laptop; axe clean.
 */
class HomePagesBrowserIT extends BrowserSystemTest {

  @Test
  void aResearchersHomeSaysWhatWaitsForThem() {
    String token = Tokens.user("researcher2");
    HttpResponse<String> created =
        Api.post(
            "/api/v1/applications",
            token,
            ApplicationApiIT.body("Home page draft", "lu-ibd-clinical"));
    assertEquals(201, created.statusCode(), created.body());
    String id = Api.json(created).get("id").asText();

    Page page = newPage("en-GB", 390);
    PortalPages.signIn(page, "/researcher", "researcher2");
    assertThat(page.locator("#home-next-" + id))
        .hasText("Finish and submit your draft: Home page draft");
    assertThat(page.locator("#home-states")).containsText("Draft: ");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    PortalPages.screenshot(page, "home-researcher-en");
    page.locator("#home-next-" + id).click();
    page.waitForURL("**/research/application/" + id);
  }

  @Test
  void reviewersSeeTheirOpenTasksOnTheirHomePage() {
    String token = Tokens.user("researcher2");
    String id =
        ApplicationApiIT.submittedApplication(token, "lu-ibd-clinical", "LU", "CNER 202612");

    Page steward = newPage("fr-FR", 1280);
    PortalPages.signIn(steward, "/steward", "steward-lu");
    assertThat(steward.locator("#home-tasks-heading")).hasText("Vos tâches en cours");
    assertThat(steward.locator("#home-task-counts")).containsText("en retard");
    assertThat(steward.locator("#home-tasks a").first()).isVisible();
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(steward));
    PortalPages.screenshot(steward, "home-steward-fr");
    steward.locator("#home-all-tasks").click();
    steward.waitForURL("**/review/tasks");
    assertThat(steward.locator("#task-list a[href$='" + id + "']").first()).isVisible();

    Page committee = newPage("de-DE", 390);
    PortalPages.signIn(committee, "/committee", "dac-de");
    assertThat(committee.locator("#home-tasks-heading")).hasText("Ihre offenen Aufgaben");
    assertThat(committee.locator("#home-all-tasks")).isVisible();
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(committee));
  }

  @Test
  void complianceSeesTheLogOnTheirHomePage() {
    Page page = newPage("en-GB", 1280);
    PortalPages.signIn(page, "/compliance", "compliance");
    assertThat(page.locator("#home-log-size"))
        .hasText(java.util.regex.Pattern.compile("^The log holds [0-9,]+ entries\\."));
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    page.locator("#home-verify").click();
    page.waitForURL("**/compliance/verify");
  }
}
