package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A steward in a real browser: enrols a patient and gets their activation code, records the
 * patient's signed paper form with its scan, and sees the result; a steward of another jurisdiction
 * cannot open that patient.
 */
class StewardBrowserIT extends BrowserSystemTest {

  @Test
  void aStewardEnrolsAPatientAndRecordsTheirPaperFormWithItsScan() {
    Page page = newPage("en-GB", 1280);
    PortalPages.signIn(page, "/steward/patients", "steward-lu");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    page.locator("#enrol-psn input").fill("LU-8001");
    page.locator("#enrol-site input").fill("CHL");
    page.locator("#enrol-cohorts")
        .getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Multiple sclerosis"))
        .check();
    page.locator("#enrol-button").click();
    assertThat(page.locator("#enrol-result"))
        .hasText(Pattern.compile("LU-8001 is enrolled.*[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$"));

    page.navigate(SystemTestEnvironment.portalUrl() + "/steward/patient/LU-8001");
    assertThat(page.locator("#patient-state-CLINICAL-DATA")).containsText("No decision yet");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    page.locator("#scan-upload input[type=file]")
        .setInputFiles(
            new FilePayload(
                "signed-form.pdf",
                "application/pdf",
                "%PDF-1.4\n% signed paper form\n".getBytes(StandardCharsets.US_ASCII)));
    assertThat(page.locator("#scan-result")).containsText("SHA-256");
    page.locator("#paper-CLINICAL-DATA")
        .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Yes"))
        .check();
    page.locator("#paper-GENETIC")
        .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("No"))
        .check();
    page.locator("#paper-save").click();
    assertThat(page.locator("#patient-state-CLINICAL-DATA")).containsText("Yes, since");
    assertThat(page.locator("#patient-state-GENETIC")).containsText("No, since");
    assertThat(page.locator("#patient-history"))
        .containsText("signed by the patient on paper, recorded by staff");
    assertThat(page.locator("#patient-history")).not().containsText("CLINICAL-DATA");
    PortalPages.screenshot(page, "steward-patient-en");

    Page other = newPage("fr-FR", 390);
    PortalPages.signIn(other, "/steward/patient/LU-8001", "steward-fr");
    assertThat(other.locator("#patient-unknown")).isVisible();
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(other));
  }

  @Test
  void aStewardEnrolsAnExportFindsAPatientCorrectsThemAndRecordsAPaperWithdrawal() {
    Page page = newPage("en-GB", 1280);
    PortalPages.signIn(page, "/steward/patients", "steward-lu");
    page.locator("#import-upload input[type=file]")
        .setInputFiles(
            new FilePayload(
                "export.csv",
                "text/csv",
                ("psn,site,cohorts,minor\n"
                        + "LU-UI0001,CHL,IBD,false\n"
                        + "LU-UI0002,CHL,MS;RA,true\n"
                        + "LU-UI0003,CHL,ASTHMA,false\n")
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(page.locator("#import-status")).containsText("Finished.");
    assertThat(page.locator("#import-status")).containsText("2 enrolled");
    assertThat(page.locator("#import-errors"))
        .containsText("Line 4: cohort \"ASTHMA\" is not one of IBD, RA, MS");

    page.locator("#find-q input").fill("lu-ui");
    page.locator("#find-button").click();
    assertThat(page.locator("#patient-list li")).hasCount(2);
    assertThat(page.locator("#patient-LU-UI0002")).containsText("No decision yet");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));
    PortalPages.screenshot(page, "steward-patients-en");

    page.locator("#patient-LU-UI0002 a").click();
    assertThat(page.locator("h1")).hasText("Patient LU-UI0002");
    page.locator("#issue-guardian-code").click();
    assertThat(page.locator("#new-code"))
        .hasText(Pattern.compile("guardian.*[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$"));
    page.locator("#correct-site input").fill("Hôpital Kirchberg");
    page.locator("#correct-minor input").uncheck();
    page.locator("#correct-save").click();
    assertThat(page.locator("#patient-notice")).hasText("Saved.");
    assertThat(page.locator("#correct-site input")).hasValue("Hôpital Kirchberg");

    page.locator("#withdraw-modules")
        .getByRole(
            AriaRole.CHECKBOX,
            new Locator.GetByRoleOptions().setName("training and validating AI models"))
        .check();
    page.locator("#withdraw-scan input[type=file]")
        .setInputFiles(
            new FilePayload(
                "letter.pdf",
                "application/pdf",
                "%PDF-1.4\n% withdrawal letter\n".getBytes(StandardCharsets.US_ASCII)));
    assertThat(page.locator("#withdraw-scan-result")).containsText("SHA-256");
    page.locator("#withdraw-save").click();
    assertThat(page.locator("#patient-notice")).hasText("The withdrawal is recorded.");
    assertThat(page.locator("#patient-history")).containsText("Withdrawal");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(page));

    Page french = newPage("fr-FR", 390);
    PortalPages.signIn(french, "/steward/patients", "steward-lu");
    french.locator("#find-q input").fill("LU-UI0002");
    french.locator("#find-button").click();
    assertThat(french.locator("#patient-LU-UI0002")).containsText("Hôpital Kirchberg");
    assertThat(french.locator("#patient-LU-UI0002")).containsText("Décisions enregistrées");
    assertEquals(List.of(), PortalPages.seriousAccessibilityViolations(french));
    PortalPages.screenshot(french, "steward-patients-fr-phone");
  }
}
