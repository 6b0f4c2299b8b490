package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The portal as it looks after running a while (issue 23): with {@link RealisticVolumes} in the
 * database, each role signs in once and visits every page its navigation offers and every page one
 * click away from those, in English, French and German, on a laptop (1280 px) and a phone (390 px);
 * axe-core (WCAG 2.0/2.1 A and AA) must find no serious or critical violation, and no page may
 * scroll sideways. All findings are reported at once.
 */
class AccessibilityCrawlIT extends BrowserSystemTest {

  /** The roles with the most pages first, so that the two browsers finish close together. */
  static final List<String> ROLES =
      List.of(
          "admin",
          "compliance",
          "steward-lu",
          "chair-ch",
          "researcher-dac-de",
          "dac-lu",
          "researcher",
          "patient-lu");

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

  @Test
  void everyPageOfEveryRoleIsAccessibleInEveryLanguageAndWidthWithRealisticVolumes()
      throws Exception {
    RealisticVolumes.seed();
    List<String> findings = new CopyOnWriteArrayList<>();
    Set<String> sharedSeen = ConcurrentHashMap.newKeySet();
    AtomicInteger visits = new AtomicInteger();
    // The crawl is the longest system test: two browsers take the roles in turn from one queue
    // (the roles with the most pages first), each on its own thread with its own Playwright (whose
    // objects belong to the thread that made them). Each page's checks stay sequential.
    Queue<String> roles = new ConcurrentLinkedQueue<>(ROLES);
    ExecutorService second = Executors.newSingleThreadExecutor();
    try {
      Future<?> other =
          second.submit(
              () -> {
                try (Playwright playwright = Browsers.playwright()) {
                  crawl(Browsers.chromium(playwright), roles, sharedSeen, visits, findings);
                }
                return null;
              });
      crawl(browser, roles, sharedSeen, visits, findings);
      try {
        other.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
    } finally {
      second.shutdownNow();
    }
    assertTrue(visits.get() >= 150, "the crawl visited " + visits + " pages");
    assertTrue(findings.isEmpty(), findings.size() + " findings:\n" + String.join("\n", findings));
  }

  /** Crawls the roles this browser takes from the queue until it is empty. */
  private static void crawl(
      Browser browser,
      Queue<String> roles,
      Set<String> sharedSeen,
      AtomicInteger visits,
      List<String> findings) {
    for (String role = roles.poll(); role != null; role = roles.poll()) {
      BrowserContext context =
          browser.newContext(
              new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1280, 900));
      String who = role;
      // What the Content-Security-Policy blocked is a finding too (issue 16).
      context.onPage(
          opened ->
              opened.onConsoleMessage(
                  message -> {
                    if (message.text().contains("Content Security Policy")) {
                      findings.add(who + " on " + opened.url() + ": " + message.text());
                    }
                  }));
      try {
        crawlAs(context.newPage(), role, sharedSeen, visits, findings);
      } finally {
        context.close();
      }
    }
  }

  private static void crawlAs(
      Page page, String role, Set<String> sharedSeen, AtomicInteger visits, List<String> findings) {
    PortalPages.signIn(page, "/", role);
    assertThat(PortalPages.heading(page)).isVisible();
    // "/" forwards to the role's home, which the navigation lists: not visited twice.
    Set<String> pages = new LinkedHashSet<>(navigation(page));
    pages.removeIf(path -> SHARED.contains(path) && !sharedSeen.add(path));
    pages.removeIf(path -> CHECKED_FOR.containsKey(path) && !CHECKED_FOR.get(path).contains(role));
    Map<String, String> details = new LinkedHashMap<>();
    List<String> all = new ArrayList<>();
    // Each page in each language and width; its details (one click away) are found on the way,
    // in English, and checked after the pages.
    for (String path : pages) {
      all.add(path);
      checkEverywhere(page, role, path, visits, findings, details, pages);
    }
    List<String> more = new ArrayList<>(details.values());
    more.addAll(UNLINKED.getOrDefault(role, List.of()));
    for (String path : more) {
      all.add(path);
      checkEverywhere(page, role, path, visits, findings, null, pages);
    }
    System.out.println("Accessibility crawl, " + role + ": " + all);
  }

  /**
   * Checks the page in each language at each width; in English, also collects the details it links
   * to into {@code details} (when given), up to {@value #DETAILS_PER_ROLE} per role.
   */
  private static void checkEverywhere(
      Page page,
      String role,
      String path,
      AtomicInteger visits,
      List<String> findings,
      Map<String, String> details,
      Set<String> known) {
    for (String language : LANGUAGES) {
      visit(page, path, language, WIDTHS.get(0));
      if (details != null && language.equals("en")) {
        oneClickAway(page, known)
            .forEach(
                (kind, detail) -> {
                  if (details.size() < DETAILS_PER_ROLE) {
                    details.putIfAbsent(kind, detail);
                  }
                });
      }
      for (int width : WIDTHS) {
        visits.incrementAndGet();
        findings.addAll(check(page, role, path, language, width));
      }
    }
  }

  /**
   * Checks the page at the given width. The page is not loaded again for another width: the
   * portal's layout adapts in the browser (CSS and the app layout's media queries; no view asks the
   * server for the width), so resizing what is shown is what a user turning a tablet sees.
   */
  private static List<String> check(
      Page page, String role, String path, String language, int width) {
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
