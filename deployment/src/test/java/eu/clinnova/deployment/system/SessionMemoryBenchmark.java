package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

/**
 * The UI's memory per signed-in session (issue 22: goal at most 1 MB): the server's heap after a
 * full collection, before and after {@code bench.sessions} (50) people signed in and left their
 * home page open, divided by their number. Users rotate through the roles (patient, researcher,
 * steward, committee chair, compliance officer), so the screens held are the ones each sees first.
 * Run with {@code ./mvnw -o -pl deployment -Pbench verify -Dit.test=SessionMemoryBenchmark} after
 * an install; figures to standard output and {@code target/bench/session-memory.txt}.
 */
class SessionMemoryBenchmark extends BrowserSystemTest {

  static final int SESSIONS = Integer.getInteger("bench.sessions", 50);
  static final String[] USERS = {
    "patient-lu", "researcher", "steward-lu", "chair-lu", "compliance"
  };

  @Test
  void memoryPerSignedInSession() throws Exception {
    List<BrowserContext> open = new ArrayList<>();
    try {
      // Warm-up: the first sign-ins load classes and fill caches that every session shares.
      for (int i = 0; i < USERS.length; i++) {
        open.add(signedIn(USERS[i]));
      }
      close(open);
      long before = heapAfterCollection();
      long sessionsBefore = activeSessions();
      for (int i = 0; i < SESSIONS; i++) {
        open.add(signedIn(USERS[i % USERS.length]));
      }
      long after = heapAfterCollection();
      long sessionsAfter = activeSessions();
      double perSession = (after - before) / (double) SESSIONS / (1024 * 1024);
      List<String> report = new ArrayList<>();
      report.add(
          String.format(
              "%d signed-in sessions (home pages open, roles in turn): heap after a full"
                  + " collection %.1f MB before, %.1f MB after: %.2f MB per session",
              SESSIONS, before / 1048576.0, after / 1048576.0, perSession));
      report.add(
          String.format(
              "the server's active HTTP sessions: %d before, %d after",
              sessionsBefore, sessionsAfter));
      report.forEach(System.out::println);
      Path out = Path.of("target", "bench", "session-memory.txt");
      Files.createDirectories(out.getParent());
      Files.write(out, report);
    } finally {
      close(open);
    }
  }

  private BrowserContext signedIn(String user) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1280, 900));
    Page page = context.newPage();
    PortalPages.signIn(page, "/", user);
    assertThat(PortalPages.heading(page)).isVisible();
    PortalPages.awaitIdle(page);
    return context;
  }

  private static void close(List<BrowserContext> contexts) {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
  }

  /** The portal's HTTP sessions the server holds now (Undertow's count). */
  private static long activeSessions() throws Exception {
    try (ModelControllerClient client =
        ModelControllerClient.Factory.create(
            "127.0.0.1", Integer.getInteger("clinnova.managementPort"))) {
      ModelNode result =
          client.execute(
              Operations.createReadAttributeOperation(
                  Operations.createAddress("deployment", "portal.war", "subsystem", "undertow"),
                  "active-sessions"));
      return Operations.readResult(result).asLong();
    }
  }

  /** The server's used heap after two full collections, through its management API. */
  private static long heapAfterCollection() throws Exception {
    ModelNode memory = Operations.createAddress("core-service", "platform-mbean", "type", "memory");
    try (ModelControllerClient client =
        ModelControllerClient.Factory.create(
            "127.0.0.1", Integer.getInteger("clinnova.managementPort"))) {
      for (int i = 0; i < 2; i++) {
        client.execute(Operations.createOperation("gc", memory));
        Thread.sleep(1_000);
      }
      ModelNode usage =
          client.execute(Operations.createReadAttributeOperation(memory, "heap-memory-usage"));
      return Operations.readResult(usage).get("used").asLong();
    }
  }
}
