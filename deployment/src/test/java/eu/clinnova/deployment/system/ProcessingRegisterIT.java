package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eu.clinnova.deployment.system.ApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The record of processing (GDPR Art. 30) from the real server: an application approved through the
 * real review is an activity with its legal bases and recipients, as JSON, as a PDF download, and
 * as a page for the compliance officer; nobody else reads it.
 */
class ProcessingRegisterIT extends BrowserSystemTest {

  @Test
  void anApprovedApplicationIsAnActivityOfTheRecordAsJsonPdfAndPage() throws Exception {
    ReleaseGateIT.Grant grant = ReleaseGateIT.grant("researcher");
    HttpResponse<String> answer =
        Api.get("/api/v1/compliance/processing-register", Tokens.user("compliance"));
    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode record = Api.json(answer);
    assertTrue(record.at("/controller/dpo").asText().contains("@"), record.toString());
    JsonNode activity = null;
    for (JsonNode candidate : record.get("activities")) {
      if (candidate.get("applicationId").asText().equals(grant.applicationId())) {
        activity = candidate;
      }
    }
    assertTrue(activity != null, "the approved application is an activity: " + record);
    assertTrue(activity.get("legalBasis").asText().startsWith("LU: explicit consent"));
    assertTrue(activity.get("recipients").get(0).asText().endsWith("(applicant)"));
    assertTrue(activity.has("from") && activity.has("until"), activity.toString());
    assertEquals(0, activity.get("transfers").size(), "Luxembourg's data only: no transfer");

    HttpResponse<byte[]> pdf =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(Api.uri("/api/v1/compliance/processing-register"))
                    .header("Authorization", "Bearer " + Tokens.user("admin"))
                    .header("Accept", "application/pdf")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
    assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertProblem(
        Api.get("/api/v1/compliance/processing-register", Tokens.user("steward-lu")),
        403,
        "forbidden");

    Page page = newPage("de-DE", 1280);
    PortalPages.signIn(page, "/compliance/processing-register", "compliance");
    assertThat(page.locator("#activity-" + grant.applicationId())).containsText("Rechtsgrundlage");
    assertThat(page.locator("#register-controller")).containsText("Datenschutzbeauftragter");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    Download download = page.waitForDownload(() -> page.locator("#register-pdf").click());
    byte[] downloaded = Files.readAllBytes(download.path());
    assertEquals("%PDF", new String(downloaded, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    PortalPages.screenshot(page, "processing-register-de");
  }
}
