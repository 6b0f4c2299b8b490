package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** axe-core on every page of the portal, desktop and phone: no serious or critical violation. */
class AccessibilityIT extends BrowserSystemTest {

  @Deployment(testable = false)
  static WebArchive portal() {
    return PortalDeployment.war();
  }

  @ParameterizedTest(name = "{0} on {1} ({2}, {3} px)")
  @CsvSource({
    "patient-lu, /patient, en-GB, 1280",
    "researcher, /researcher, fr-FR, 1280",
    "steward-fr, /steward, de-DE, 1280",
    "dac-ch, /committee, en-GB, 390",
    "compliance, /compliance, en-GB, 1280",
    "compliance, /compliance/audit-log, en-GB, 1280",
    "compliance, /compliance/audit-log, de-DE, 390",
    "compliance, /compliance/verify, fr-FR, 1280",
    "compliance, /releases, en-GB, 1280",
    "dac-lu, /releases, fr-FR, 390",
    "admin, /admin, fr-FR, 390",
    "admin, /admin/consent-forms, de-DE, 1280",
    "admin, /admin/agreement, fr-FR, 390",
    "admin, /admin/policies, de-DE, 390",
    "compliance, /compliance/patient, fr-FR, 390",
    "compliance, /review/applications, de-DE, 1280",
    "dac-lu, /review/applications, fr-FR, 390",
    "patient-ch, /no-such-page, de-DE, 1280",
    "patient-de, /admin, en-GB, 390",
    "patient-ch, /patient, fr-FR, 390",
    "patient-ch, /consent/history, de-DE, 1280",
    "patient-ch, /consent/disclosures, en-GB, 390",
    "researcher, /research/catalogue, de-DE, 390",
    "researcher, /research/catalogue, en-GB, 1280",
    "researcher, /research/applications, fr-FR, 390",
    "researcher2, /research/applications, de-DE, 1280",
    "steward-lu, /review/tasks, en-GB, 390",
    "chair-ch, /review/tasks, de-DE, 1280"
  })
  void thePageHasNoSeriousAccessibilityViolation(
      String user, String path, String locale, int width) {
    Page page = newPage(locale, width);
    PortalPages.signIn(page, path, user);
    assertThat(PortalPages.heading(page)).isVisible();
    List<String> violations = PortalPages.seriousAccessibilityViolations(page);
    assertEquals(List.of(), violations, user + " on " + path);
  }
}
