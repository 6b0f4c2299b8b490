package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 in a real browser: the pages carry their policy and work under it (every browser test
 * fails on a policy violation, see {@link BrowserSystemTest}), and a reviewer who opens an
 * applicant's attachment gets a file to save, never a page in the portal's origin.
 */
class SecurityBrowserIT extends BrowserSystemTest {

  @Test
  void aPageIsServedWithItsPolicyAndWorksUnderIt() {
    Page page = newPage("en-GB", 1280);
    PortalPages.signIn(page, "/patient", "patient-lu");
    assertThat(PortalPages.heading(page)).isVisible();
    Response reload = page.reload();
    String csp = reload.headers().get("content-security-policy");
    assertTrue(csp != null && csp.contains("frame-ancestors 'none'"), String.valueOf(csp));
    assertEquals("nosniff", reload.headers().get("x-content-type-options"));
    assertEquals("same-origin", reload.headers().get("referrer-policy"));
    // The page still works under it: Vaadin's client engine renders it again after the reload.
    assertThat(PortalPages.heading(page)).isVisible();
  }

  @Test
  void aReviewerSavesAnApplicantsAttachmentAsTheTypeItsBytesWereCheckedToBe() throws Exception {
    String applicant = Tokens.user("researcher");
    String id =
        Api.json(
                Api.post(
                    "/api/v1/applications",
                    applicant,
                    ApplicationApiIT.body("Disguised page", "lu-ibd-clinical")))
            .get("id")
            .asText();
    String path = "/api/v1/applications/" + id;
    HttpResponse<String> uploaded =
        Api.upload(
            path + "/attachments",
            applicant,
            "application/pdf",
            "evil.html",
            SecurityIT.PAGE_IN_A_PDF);
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    String attachment = Api.json(uploaded).get("attachmentId").asText();
    assertEquals(
        201,
        Api.post(
                path + "/ethics-approvals",
                applicant,
                ApplicationApiIT.ethics("LU", "CNER", "CNER 202413", attachment))
            .statusCode());
    assertEquals(200, Api.post(path + "/submit", applicant, "").statusCode());

    Page page = newPage("en-GB", 1280);
    PortalPages.signIn(page, "/review/application/" + id, "steward-lu");
    Locator link =
        page.locator("#attachment-list a", new Page.LocatorOptions().setHasText("evil.html.pdf"));
    assertThat(link).isVisible();
    assertThat(link).hasAttribute("download", "");
    // What a reviewer gets who opens it in a tab: a PDF to save, sandboxed, not sniffed.
    // The address as the browser resolves it (against the page's <base>).
    APIResponse served = page.request().get((String) link.evaluate("a => a.href"));
    assertEquals(200, served.status());
    assertEquals("application/pdf", served.headers().get("content-type").split(";")[0]);
    assertTrue(
        served.headers().get("content-disposition").startsWith("attachment;"),
        served.headers().get("content-disposition"));
    assertEquals("nosniff", served.headers().get("x-content-type-options"));
    assertTrue(served.headers().get("content-security-policy").contains("sandbox"));
    Download download = page.waitForDownload(link::click);
    assertEquals("evil.html.pdf", download.suggestedFilename());
    assertTrue(Arrays.equals(SecurityIT.PAGE_IN_A_PDF, Files.readAllBytes(download.path())));
  }

  @Test
  void aPatientSeesWhoAmongStaffReadTheirConsent() {
    assertEquals(
        200,
        Api.get("/api/v1/patients/LU-0001/consents/history", Tokens.user("steward-lu"))
            .statusCode());
    Page page = newPage("fr-FR", 390);
    PortalPages.signIn(page, "/consent/history", "patient-lu");
    assertThat(page.locator("#consent-reads-title")).hasText("Qui a consulté votre consentement");
    assertThat(page.locator("#consent-reads-list li").first())
        .containsText("un gestionnaire de données de votre réseau hospitalier a consulté");
    assertThat(page.locator("#consent-reads-list li").first())
        .containsText("l'historique de votre consentement");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
  }
}
