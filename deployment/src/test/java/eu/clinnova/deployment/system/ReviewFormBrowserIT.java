package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A reviewer's form in French and German (issue 21): a decision left out is said at its field, in
 * the reviewer's language, and a decision is confirmed with what it means before it is recorded;
 * cancelling records nothing.
 */
class ReviewFormBrowserIT extends BrowserSystemTest {

  @ParameterizedTest(name = "{0} ({1} px)")
  @CsvSource({
    "fr-FR, 390, Choisissez votre décision., Enregistrer votre décision\u00a0?",
    "de-DE, 1280, Wählen Sie Ihre Entscheidung., Entscheidung festhalten?"
  })
  void aReviewerIsToldAtTheFieldAndAskedToConfirm(
      String locale, int width, String chooseDecision, String confirmTitle) {
    String id =
        ApplicationApiIT.submittedApplication(
            Tokens.user("researcher2"), "lu-ibd-clinical", "LU", "CNER 202610");
    Page page = newPage(locale, width);
    PortalPages.signIn(page, "/review/application/" + id, "steward-lu");
    Locator form = page.locator("#task-completenessCheck");
    assertThat(form).isVisible();

    form.locator("#task-send").click();
    assertThat(form.locator("#task-outcome")).hasAttribute("invalid", "");
    assertThat(form.locator("#task-outcome [slot='error-message']")).hasText(chooseDecision);
    assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page), locale);

    form.locator("#task-outcome vaadin-radio-button").first().click();
    form.locator("#task-send").click();
    assertThat(page.locator("#confirmation-title")).hasText(confirmTitle);
    page.locator("#cancel").click();
    assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);
    // Nothing was recorded: the task is still there to do.
    page.reload();
    assertThat(page.locator("#task-completenessCheck")).isVisible();
  }
}
