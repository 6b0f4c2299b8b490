package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A person in a real browser: Keycloak's login page, their home view, languages, sign-out. */
class BrowserIT extends BrowserSystemTest {

  private Page page;

  @BeforeEach
  void open() {
    page = newPage("en-GB", 1280);
  }

  @Test
  void anAnonymousVisitIsSentToTheLoginPage() {
    page.navigate(SystemTestEnvironment.portalUrl() + "/");
    PortalPages.assertOnKeycloakLogin(page);
  }

  @Test
  void aPatientSignsInAndLandsOnTheirConsentHome() {
    PortalPages.signIn(page, "/", "patient-lu");
    assertThat(page).hasURL(SystemTestEnvironment.portalUrl() + "/patient");
    assertThat(PortalPages.heading(page)).hasText("My consent");
    assertThat(page.locator("#identity")).containsText("LU-0001");
    assertThat(page.locator("#signed-in-user")).hasText("Lena Patient LU");
    PortalPages.screenshot(page, "patient-home-en");
  }

  @Test
  void aResearcherSignsInAndLandsOnTheResearchHome() {
    PortalPages.signIn(page, "/", "researcher");
    assertThat(page).hasURL(SystemTestEnvironment.portalUrl() + "/researcher");
    assertThat(PortalPages.heading(page)).hasText("Research");
    assertThat(page.locator("#identity")).containsText("Researcher");
  }

  @Test
  void theMenuOffersOnlyWhatTheRolesOpen() {
    PortalPages.signIn(page, "/", "chair-lu");
    assertThat(page).hasURL(SystemTestEnvironment.portalUrl() + "/committee");
    // Home, review tasks, deadlines, applications and decisions, releases, notifications,
    // settings.
    assertThat(page.locator("vaadin-side-nav-item")).hasCount(7);
    assertThat(page.locator("vaadin-side-nav-item").nth(1)).containsText("Review tasks");
    assertThat(page.locator("#identity")).containsText("Luxembourg");
  }

  @Test
  void aStewardSeesWhatIsNewOpensItAndChoosesTheirEMailsAndLanguage() {
    String title = "Browser notice " + java.util.UUID.randomUUID().toString().substring(0, 8);
    String id =
        ApplicationApiIT.submitted(
            Tokens.user("researcher2"),
            ApplicationApiIT.body(title, "ch-ibd-general"),
            "CH",
            "2024-00077");
    PortalPages.signIn(page, "/notifications", "steward-ch");
    assertThat(PortalPages.heading(page)).hasText("Notifications");
    assertThat(page.locator("#nav-waiting")).isVisible();
    com.microsoft.playwright.Locator item =
        page.locator(
            "#notification-list li",
            new com.microsoft.playwright.Page.LocatorOptions().setHasText(title));
    assertThat(item).containsText("New");
    assertThat(item).containsText("A new application to check for completeness");
    PortalPages.screenshot(page, "notifications-en");
    item.locator("a").click();
    assertThat(page).hasURL(SystemTestEnvironment.portalUrl() + "/review/application/" + id);
    page.navigate(SystemTestEnvironment.portalUrl() + "/notifications");
    assertThat(PortalPages.heading(page)).hasText("Notifications");
    assertThat(item).not().containsText("New");

    try {
      page.navigate(SystemTestEnvironment.portalUrl() + "/settings");
      assertThat(PortalPages.heading(page)).hasText("Settings");
      assertThat(page.locator("#settings-email-tasks")).isVisible();
      assertThat(page.locator("#settings-email-releases")).isHidden();
      page.locator("#settings-email-tasks").click();
      page.locator("#settings-save").click();
      assertThat(page.locator("#settings-status")).hasText("Your settings are saved.");
      com.fasterxml.jackson.databind.JsonNode saved =
          Api.json(Api.get("/api/v1/me/preferences", Tokens.user("steward-ch")));
      org.junit.jupiter.api.Assertions.assertFalse(saved.get("email").get("tasks").asBoolean());

      page.locator("#settings-language").click();
      page.locator(
              "vaadin-select-item:visible",
              new com.microsoft.playwright.Page.LocatorOptions().setHasText("Français"))
          .click();
      page.locator("#settings-save").click();
      assertThat(PortalPages.heading(page)).hasText("Paramètres");
      assertThat(page.locator("html")).hasAttribute("lang", "fr");
      PortalPages.screenshot(page, "settings-fr");
      org.junit.jupiter.api.Assertions.assertEquals(
          "fr",
          Api.json(Api.get("/api/v1/me/preferences", Tokens.user("steward-ch")))
              .get("language")
              .asText());
    } finally {
      Api.delete("/api/v1/me/preferences", Tokens.user("steward-ch"));
    }
  }

  @Test
  void anyoneReadsAndSearchesThePublicRegisterWithoutSigningIn() {
    String word = "Register" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String listed =
        ApplicationApiIT.submitted(
            Tokens.user("researcher"),
            ApplicationApiIT.body(word + " listed", "lu-ibd-clinical"),
            "LU",
            "CNER 202441");
    ApplicationApiIT.complete(
        "steward-lu",
        ApplicationApiIT.taskOf(Tokens.user("steward-lu"), listed, "completenessCheck")
            .orElseThrow(),
        "{\"outcome\":\"approve\"}");
    ApplicationApiIT.submitted(
        Tokens.user("researcher"),
        ApplicationApiIT.body(word + " unchecked", "lu-ibd-clinical"),
        "LU",
        "CNER 202442");

    // The API, without a token.
    java.net.http.HttpResponse<String> all = Api.get("/api/v1/public/projects?q=" + word, null);
    org.junit.jupiter.api.Assertions.assertEquals(200, all.statusCode(), all.body());
    com.fasterxml.jackson.databind.JsonNode projects = Api.json(all);
    org.junit.jupiter.api.Assertions.assertEquals(1, projects.size(), all.body());
    com.fasterxml.jackson.databind.JsonNode project = projects.get(0);
    org.junit.jupiter.api.Assertions.assertEquals(listed, project.get("applicationId").asText());
    org.junit.jupiter.api.Assertions.assertEquals("under-review", project.get("state").asText());
    org.junit.jupiter.api.Assertions.assertEquals(
        "University of Luxembourg", project.get("organisation").asText());
    String researcherSub =
        Api.json(Api.get("/api/v1/me", Tokens.user("researcher"))).get("sub").asText();
    org.junit.jupiter.api.Assertions.assertFalse(
        all.body().contains(researcherSub), "the applicant");
    org.junit.jupiter.api.Assertions.assertFalse(all.body().contains("A. Researcher"), "the team");
    org.junit.jupiter.api.Assertions.assertFalse(all.body().contains("uni.example"), "addresses");
    org.junit.jupiter.api.Assertions.assertEquals(
        400, Api.get("/api/v1/public/projects?q=" + "x".repeat(201), null).statusCode());

    // The page, in French, on a phone, without signing in.
    page.setViewportSize(390, 900);
    page.navigate(SystemTestEnvironment.portalUrl() + "/register?lang=fr");
    assertThat(page).hasURL(SystemTestEnvironment.portalUrl() + "/register?lang=fr");
    assertThat(page.locator("h1")).hasText("Registre public des utilisations de données");
    page.locator("#q").fill(word);
    page.locator("button[type=submit]").click();
    assertThat(page.locator("#register-count")).hasText("1 projet(s)");
    assertThat(page.locator("#project-" + listed + " h2")).hasText(word + " listed");
    assertThat(page.locator("#project-" + listed)).containsText("en cours d’examen");
    assertThat(page.locator("#project-" + listed)).containsText("Luxembourg");
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.List.of(), PortalPages.seriousAccessibilityViolations(page));
    org.junit.jupiter.api.Assertions.assertEquals(
        0,
        ((Number)
                page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
            .intValue());
    PortalPages.screenshot(page, "register-fr-phone");
    page.locator("a[hreflang=de]").click();
    assertThat(page.locator("h1")).hasText("Öffentliches Register der Datennutzungen");
    assertThat(page.locator("#register-count")).hasText("1 Projekt(e)");
  }

  @Test
  void aPatientCannotOpenAnotherRolesView() {
    PortalPages.signIn(page, "/compliance", "patient-de");
    assertThat(page.locator("#not-found")).isVisible();
    assertThat(PortalPages.heading(page)).hasText("Page not found");
  }

  @Test
  void theChosenLanguageStaysAcrossReloadsAndSignOutAndFollowsTheAccount() {
    try {
      PortalPages.signIn(page, "/", "patient-fr");
      PortalPages.chooseLanguage(page, "Français");
      assertThat(PortalPages.heading(page)).hasText("Mon consentement");
      assertThat(page.locator("html")).hasAttribute("lang", "fr");
      page.reload();
      assertThat(PortalPages.heading(page)).hasText("Mon consentement");

      PortalPages.chooseLanguage(page, "Deutsch");
      assertThat(PortalPages.heading(page)).hasText("Meine Einwilligung");
      page.locator("#logout").click();
      PortalPages.assertOnKeycloakLogin(page);
      page.locator("#username").fill("patient-fr");
      page.locator("#password").fill("patient-fr");
      page.locator("#kc-login").click();
      assertThat(PortalPages.heading(page)).hasText("Meine Einwilligung");
      assertThat(page.locator("html")).hasAttribute("lang", "de");

      // The choice is the account's: another device, whose browser asks for English, opens in
      // German once signed in, and the account's e-mails follow it.
      Page elsewhere = newPage("en-GB", 390);
      PortalPages.signIn(elsewhere, "/", "patient-fr");
      assertThat(PortalPages.heading(elsewhere)).hasText("Meine Einwilligung");
      org.junit.jupiter.api.Assertions.assertEquals(
          "de",
          Api.json(Api.get("/api/v1/me/preferences", Tokens.user("patient-fr")))
              .get("language")
              .asText());
    } finally {
      Api.delete("/api/v1/me/preferences", Tokens.user("patient-fr"));
    }
  }

  @Test
  void signingOutEndsTheKeycloakSessionToo() {
    PortalPages.signIn(page, "/", "researcher2");
    assertThat(PortalPages.heading(page)).hasText("Research");
    page.locator("#logout").click();
    PortalPages.assertOnKeycloakLogin(page);
    page.navigate(SystemTestEnvironment.portalUrl() + "/researcher");
    PortalPages.assertOnKeycloakLogin(page);
  }

  @Test
  void anExpiredSessionReloadsIntoTheLoginInsteadOfAStaleUi() {
    PortalPages.signIn(page, "/", "chair-fr");
    assertThat(PortalPages.heading(page)).hasText("Committee");
    // The portal's session ends (as after 30 idle minutes); Keycloak's does not.
    context()
        .clearCookies(
            new com.microsoft.playwright.BrowserContext.ClearCookiesOptions()
                .setName("JSESSIONID"));
    page.locator("vaadin-side-nav-item").first().click();
    page.waitForURL(
        url -> url.startsWith(SystemTestEnvironment.portalUrl()) && !url.contains("state="));
    assertThat(PortalPages.heading(page)).hasText("Committee");
    assertThat(page.locator("#signed-in-user")).hasText("Chris Chair FR");
  }

  @Test
  void theBrowserSessionDoesNotAuthenticateApiCalls() {
    PortalPages.signIn(page, "/", "compliance");
    assertThat(PortalPages.heading(page)).hasText("Compliance");
    Object status = page.evaluate("() => fetch('/api/v1/me').then(r => r.status)");
    assertEquals(401, ((Number) status).intValue());
  }

  @Test
  void onAPhoneThePageFitsTheScreen() {
    BrowserContext phone =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("de-DE"));
    Page phonePage = phone.newPage();
    PortalPages.signIn(phonePage, "/", "steward-de");
    assertThat(PortalPages.heading(phonePage)).hasText("Datenverwaltung");
    assertThat(phonePage.locator("vaadin-drawer-toggle")).isVisible();
    Object overflow =
        phonePage.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
    assertTrue(((Number) overflow).intValue() <= 0, "horizontal overflow: " + overflow + " px");
    var signOut = phonePage.locator("#logout").boundingBox();
    assertTrue(signOut.x + signOut.width <= 390, "sign-out is off screen at x=" + signOut.x);
    assertThat(phonePage.locator("#logout")).isInViewport();
    PortalPages.screenshot(phonePage, "steward-home-de-phone");
    phone.close();
  }
}
