package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An applicant's files in French and German (issue 21): the upload widget speaks the page's
 * language, a file is said to be what it is, and one uploaded by mistake is removed after a
 * confirmation in the same language.
 */
class FilesBrowserIT extends BrowserSystemTest {

  @ParameterizedTest(name = "{0} ({1} px)")
  @CsvSource({
    "fr-FR, 390, Choisir un fichier…, Déposez le fichier ici, Protocole de l’étude, Retirer",
    "de-DE, 1280, Datei auswählen…, Datei hier ablegen, Studienprotokoll, Entfernen"
  })
  void anApplicantsFilesInTheirLanguage(
      String locale, int width, String add, String drop, String protocol, String remove) {
    String token = Tokens.user("researcher2");
    HttpResponse<String> created =
        Api.post(
            "/api/v1/applications",
            token,
            ApplicationApiIT.body("Files " + locale, "lu-ibd-clinical"));
    assertEquals(201, created.statusCode(), created.body());
    String id = Api.json(created).get("id").asText();

    Page page = newPage(locale, width);
    PortalPages.signIn(page, "/research/application/" + id, "researcher2");
    // The widget's own button and drop label, found by what they say.
    assertThat(
            page.locator("#app-upload")
                .getByRole(
                    com.microsoft.playwright.options.AriaRole.BUTTON,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName(add)))
        .isVisible();
    assertThat(page.locator("#app-upload").getByText(drop)).isVisible();

    page.locator("#app-upload input[type=file]")
        .setInputFiles(
            new FilePayload(
                "protocol.pdf",
                "application/pdf",
                "%PDF-1.4\n% protocol\n".getBytes(StandardCharsets.US_ASCII)));
    assertThat(page.locator("#file-list")).containsText("protocol.pdf");
    page.locator("#file-kind-0").click();
    page.locator(
            "vaadin-select-item:visible:not([id^='value-'])",
            new Page.LocatorOptions().setHasText(protocol))
        .first()
        .click();
    assertThat(page.locator("#upload-result")).containsText(protocol);
    assertEquals(
        "protocol",
        Api.json(Api.get("/api/v1/applications/" + id, token))
            .get("attachments")
            .get(0)
            .get("kind")
            .asText());
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page), locale);

    page.locator("#file-remove-0").click();
    assertThat(page.locator("#confirmation-title")).containsText("protocol.pdf");
    assertThat(page.locator("#confirm")).hasText(remove);
    page.locator("#confirm").click();
    assertThat(page.locator("#file-list")).not().containsText("protocol.pdf");
    assertEquals(
        0,
        Api.json(Api.get("/api/v1/applications/" + id, token)).get("attachments").size(),
        "removed from the application");
  }
}
