package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The portal as it looks after running a while (issue 23): with {@link RealisticVolumes} in the
 * database, each role signs in once and visits every page its navigation offers and every page one
 * click away from those, in English, French and German, on a laptop (1280 px) and a phone (390 px);
 * axe-core (WCAG 2.0/2.1 A and AA) must find no serious or critical violation, and no page may
 * scroll sideways. All findings are reported at once.
 */
class AccessibilityCrawlIT extends BrowserSystemTest {

  static final List<String> ROLES =
      List.of(
          "patient-lu",
          "researcher",
          "researcher-dac-de",
          "steward-lu",
          "dac-lu",
          "chair-ch",
          "compliance",
          "admin");

  static final List<String> LANGUAGES = List.of("en", "fr", "de");
  static final List<Integer> WIDTHS = List.of(1280, 390);

  /** At most this many pages one click away per page, one per kind of address. */
  static final int DETAILS_PER_PAGE = 2;

  /** And per role: the kinds of detail page a role reaches are few (an application, a task). */
  static final int DETAILS_PER_ROLE = 3;

  /**
   * Pages every role has alike (the person's settings and notifications): checked with the first
   * role that has them, not again with each.
   */
  static final Set<String> SHARED = Set.of("/settings", "/notifications");

  /**
   * Pages several roles share, checked with the roles whose version differs most (the suite must
   * stay under 30 minutes on two cores): the chair's deadlines have the extension, the
   * administrator's no review links; the others are the same component with other rows.
   */
  static final Map<String, Set<String>> CHECKED_FOR =
      Map.of(
          "/deadlines", Set.of("chair-ch", "admin"),
          "/review/applications", Set.of("steward-lu", "compliance"),
          "/review/tasks", Set.of("steward-lu", "chair-ch"),
          "/releases", Set.of("dac-lu", "compliance"),
          "/committee", Set.of("dac-lu"),
          "/researcher", Set.of("researcher"),
          "/research/applications", Set.of("researcher"),
          "/research/catalogue", Set.of("researcher"));

  /** Pages nobody links to that still must be accessible: not found, and not allowed. */
  static final Map<String, List<String>> UNLINKED =
      Map.of("patient-lu", List.of("/no-such-page", "/admin"));

  @Deployment(testable = false)
  static WebArchive portal() {
    return PortalDeployment.war();
  }

  @Test
  void everyPageOfEveryRoleIsAccessibleInEveryLanguageAndWidthWithRealisticVolumes()
      throws Exception {
    RealisticVolumes.seed();
    List<String> findings = new ArrayList<>();
    Set<String> sharedSeen = new java.util.HashSet<>();
    int visits = 0;
    for (String role : ROLES) {
      Page page = newPage("en-GB", 1280);
      PortalPages.signIn(page, "/", role);
      assertThat(PortalPages.heading(page)).isVisible();
      // "/" forwards to the role's home, which the navigation lists: not visited twice.
      Set<String> pages = new LinkedHashSet<>(navigation(page));
      pages.removeIf(path -> SHARED.contains(path) && !sharedSeen.add(path));
      pages.removeIf(
          path -> CHECKED_FOR.containsKey(path) && !CHECKED_FOR.get(path).contains(role));
      Map<String, String> details = new LinkedHashMap<>();
      for (String path : pages) {
        visit(page, path, "en", 1280);
        oneClickAway(page, pages)
            .forEach(
                (kind, detail) -> {
                  if (details.size() < DETAILS_PER_ROLE) {
                    details.putIfAbsent(kind, detail);
                  }
                });
      }
      List<String> all = new ArrayList<>(pages);
      all.addAll(details.values());
      all.addAll(UNLINKED.getOrDefault(role, List.of()));
      System.out.println("Accessibility crawl, " + role + ": " + all);
      for (String path : all) {
        for (String language : LANGUAGES) {
          visit(page, path, language, WIDTHS.get(0));
          for (int width : WIDTHS) {
            visits++;
            findings.addAll(check(page, role, path, language, width));
          }
        }
      }
    }
    assertTrue(visits >= 150, "the crawl visited " + visits + " pages");
    assertTrue(findings.isEmpty(), findings.size() + " findings:\n" + String.join("\n", findings));
  }

  /**
   * Checks the page at the given width. The page is not loaded again for another width: the
   * portal's layout adapts in the browser (CSS and the app layout's media queries; no view asks the
   * server for the width), so resizing what is shown is what a user turning a tablet sees.
   */
  private List<String> check(Page page, String role, String path, String language, int width) {
    if (page.viewportSize().width != width) {
      page.setViewportSize(width, 900);
      // Two frames: the resize observers run, then the layout they cause is painted.
      page.evaluate(
          "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
      PortalPages.awaitIdle(page);
    }
    String where = role + " on " + path + " (" + language + ", " + width + " px)";
    List<String> findings = new ArrayList<>();
    PortalPages.seriousAccessibilityViolations(page)
        .forEach(violation -> findings.add(where + ": " + violation));
    Number overflow =
        (Number)
            page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
    if (overflow.intValue() > 1) {
      findings.add(where + ": scrolls sideways by " + overflow + " px");
    }
    return findings;
  }

  private static void visit(Page page, String path, String language, int width) {
    page.context()
        .addCookies(
            List.of(
                new Cookie("clinnova-lang", language)
                    .setUrl(SystemTestEnvironment.portalUrl() + "/")));
    page.setViewportSize(width, 900);
    page.navigate(SystemTestEnvironment.portalUrl() + path);
    assertThat(PortalPages.heading(page)).isVisible();
    assertThat(page.locator("html")).hasAttribute("lang", language);
    // Lists and grids fill in after the heading; wait until the UI has nothing left to send.
    PortalPages.awaitIdle(page);
  }

  /** The navigation's pages, as paths. */
  @SuppressWarnings("unchecked")
  private static List<String> navigation(Page page) {
    List<String> paths = new ArrayList<>();
    for (String path :
        (List<String>)
            page.evaluate(
                "() => [...document.querySelectorAll('vaadin-side-nav-item')]"
                    + ".map(item => item.getAttribute('path')).filter(p => p !== null)")) {
      paths.add(path.startsWith("/") ? path : "/" + path);
    }
    return paths;
  }

  /**
   * Pages the main content links to, one per kind of address (ids replaced), not yet known: the
   * details one click away.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, String> oneClickAway(Page page, Set<String> known) {
    Map<String, String> byKind = new LinkedHashMap<>();
    for (String href :
        (List<String>)
            page.evaluate(
                "() => [...document.querySelectorAll('main a[href]')]"
                    + ".filter(a => !a.hasAttribute('download') && a.origin === location.origin)"
                    + ".map(a => a.href)")) {
      URI uri = URI.create(href);
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      if (path.startsWith("/VAADIN/") || path.contains("logout") || known.contains(path)) {
        continue;
      }
      String kind = path.replaceAll("[0-9a-fA-F-]{36}", "{id}").replaceAll("\\d+", "{n}");
      if (!byKind.containsKey(kind) && byKind.size() < DETAILS_PER_PAGE) {
        byKind.put(kind, path);
      }
    }
    return byKind;
  }
}
