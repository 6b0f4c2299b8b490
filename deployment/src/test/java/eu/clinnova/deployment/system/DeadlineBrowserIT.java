package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eu.clinnova.deployment.system.ApplicationApiIT.body;
import static eu.clinnova.deployment.system.ApplicationApiIT.complete;
import static eu.clinnova.deployment.system.ApplicationApiIT.submitted;
import static eu.clinnova.deployment.system.ApplicationApiIT.taskOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A chair on a phone, in French, watches the deadlines of the reviews and extends a decision once:
 * the reason is asked at the field, the date moves, the line says it was extended.
 */
class DeadlineBrowserIT extends BrowserSystemTest {

  @Test
  void aChairExtendsADecisionOnceWithItsReasonFromThePhone() {
    String researcher = Tokens.user("researcher");
    String title = "Deadline study " + UUID.randomUUID().toString().substring(0, 8);
    String id = submitted(researcher, body(title, "lu-ibd-clinical"), "LU", "CNER 202477");
    try {
      complete(
          "steward-lu",
          taskOf(Tokens.user("steward-lu"), id, "completenessCheck").orElseThrow(),
          "{\"outcome\":\"approve\"}");

      Page page = newPage("fr-FR", 390);
      PortalPages.signIn(page, "/deadlines", "chair-lu");
      assertThat(PortalPages.heading(page)).hasText("Échéances des examens");
      Locator decision = page.locator("#deadline-" + id + "-LU-decision");
      assertThat(decision).containsText(title);
      assertThat(decision).containsText("La décision du comité");
      assertThat(decision).containsText("Luxembourg");
      assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));

      page.locator("#deadline-extend-" + id + "-LU").click();
      assertThat(page.locator("#deadline-reason textarea")).isFocused();
      PortalPages.awaitIdle(page);
      page.locator("#deadline-extend-confirm").click();
      assertThat(page.locator("#deadline-reason")).hasAttribute("invalid", "");
      assertThat(page.locator("#deadline-reason [slot='error-message']"))
          .hasText("Veuillez indiquer pourquoi la décision prend plus de temps.");
      assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
      page.locator("#deadline-reason textarea").fill("Un expert externe est consulté.");
      page.locator("#deadline-extend-confirm").click();

      assertThat(page.locator("#deadlines-status"))
          .hasText("L’échéance de décision est prolongée\u00a0; le demandeur en est informé.");
      assertThat(decision).containsText("Prolongée une fois par le président.");
      assertThat(page.locator("#deadline-extend-" + id + "-LU")).hasCount(0);
      PortalPages.screenshot(page, "deadlines-fr-phone");
    } finally {
      assertEquals(
          200, Api.post("/api/v1/applications/" + id + "/withdraw", researcher, "").statusCode());
    }
  }
}
