package eu.clinnova.deployment.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The development and test mail server: GreenMail ({@code greenmail-standalone} from Maven Central,
 * fetched by the build), SMTP on 3025 and its REST API on 8025 (the contract's "Time and
 * messages"), on the loopback address, accepting mail for any address. Nothing leaves the machine:
 * the portal's e-mails are read at {@code http://localhost:8025/api/user/<address>/messages/INBOX}.
 */
public final class MailServer implements AutoCloseable {

  public static final int SMTP_PORT = 3025;
  public static final int API_PORT = 8025;

  private final Path jar;
  private final Path log;
  private ChildProcess process;

  private MailServer(Path jar, Path log) {
    this.jar = jar;
    this.log = log;
  }

  /** Starts GreenMail from {@code jar}, logging to {@code log}, and waits until it answers. */
  public static MailServer start(Path jar, Path log) throws IOException {
    if (!Files.exists(jar)) {
      throw new IOException("GreenMail not found at " + jar + ": run the build first");
    }
    MailServer server = new MailServer(jar, log);
    server.startAgain();
    return server;
  }

  /** Starts the server again after {@link #close()} (a test of delivery while it was away). */
  public void startAgain() throws IOException {
    if (process != null && isRunning()) {
      return;
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        ChildProcess.start(
            "GreenMail",
            List.of(
                java,
                "-Xmx128m",
                "-Dgreenmail.setup.test.smtp",
                "-Dgreenmail.hostname=127.0.0.1",
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + API_PORT,
                "-jar",
                jar.toString()),
            log.getParent(),
            Map.of(),
            log);
    process.awaitReady(
        () -> ChildProcess.answers200(apiUrl() + "/api/service/readiness"), Duration.ofMinutes(1));
  }

  public boolean isRunning() {
    return ChildProcess.answers200(apiUrl() + "/api/service/readiness");
  }

  /** Where the REST API answers. */
  public static String apiUrl() {
    return "http://127.0.0.1:" + API_PORT;
  }

  /** Stops the server (its mailboxes are forgotten). */
  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
  }
}
