package eu.clinnova.deployment.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Keycloak server ({@code keycloak-quarkus-dist} from Maven Central, fetched by the
 * build), in development mode with the checked-in {@code clinnova} realm imported at start.
 */
public final class KeycloakServer implements AutoCloseable {

  /** Keycloak starts about 30 % faster on a newer JDK, when the machine has one. */
  private static final Path FASTER_JDK = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  private final ChildProcess process;
  private final int port;

  private KeycloakServer(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * Unpacks the distribution into {@code home} if it is not there yet, imports the realm and starts
   * the server on {@code port}. {@code freshData} forgets users and sessions of earlier runs
   * (tests); otherwise they are kept, and the realm is imported again only when the checked-in
   * realm file changed since the last import.
   */
  public static KeycloakServer start(
      Path distribution, Path home, int port, Path realm, boolean freshData, Path log)
      throws IOException {
    unpackIfMissing(distribution, home);
    Path data = home.resolve("data");
    // Keycloak imports a realm only if it does not exist yet: when the checked-in development
    // realm changed (a new client, a new demo user), start from it again.
    Path imported = data.resolve("imported-realm.sha256");
    String realmHash = sha256(realm);
    boolean realmChanged =
        Files.exists(data.resolve("h2"))
            && (!Files.exists(imported) || !Files.readString(imported).equals(realmHash));
    if (freshData || realmChanged) {
      FileTrees.delete(data.resolve("h2"));
    }
    Files.createDirectories(data);
    Files.writeString(imported, realmHash);
    Files.createDirectories(data.resolve("import"));
    Files.copy(
        realm, data.resolve("import/clinnova-realm.json"), StandardCopyOption.REPLACE_EXISTING);

    Map<String, String> environment = new HashMap<>();
    // Development values for the local master realm's administrator (see README).
    environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    if (Files.isExecutable(FASTER_JDK.resolve("bin/java"))) {
      environment.put("JAVA_HOME", FASTER_JDK.toString());
    }
    ChildProcess process =
        ChildProcess.start(
            "Keycloak",
            List.of(
                "bash",
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--import-realm"),
            home,
            environment,
            log);
    KeycloakServer server = new KeycloakServer(process, port);
    process.awaitReady(
        () -> ChildProcess.answers200(server.realmUrl() + "/.well-known/openid-configuration"),
        Duration.ofMinutes(4));
    return server;
  }

  private static void unpackIfMissing(Path distribution, Path home) throws IOException {
    if (Files.exists(home.resolve("bin/kc.sh"))) {
      return;
    }
    if (!Files.exists(distribution)) {
      throw new IOException(
          "Keycloak distribution not found at " + distribution + ": run the build first");
    }
    Path unpacking =
        Files.createTempDirectory(
            home.getParent() == null ? Path.of(".") : createParent(home), "keycloak-");
    FileTrees.untar(distribution, unpacking);
    try (var entries = Files.list(unpacking)) {
      Path unpacked =
          entries
              .filter(Files::isDirectory)
              .findFirst()
              .orElseThrow(() -> new IOException("Empty Keycloak distribution " + distribution));
      FileTrees.delete(home);
      Files.move(unpacked, home);
    }
    FileTrees.delete(unpacking);
  }

  private static Path createParent(Path home) throws IOException {
    return Files.createDirectories(home.toAbsolutePath().getParent());
  }

  public int port() {
    return port;
  }

  /** Tokens' issuer: always "localhost", the name the portal and browsers use. */
  public String realmUrl() {
    return "http://localhost:" + port + "/realms/clinnova";
  }

  @Override
  public void close() {
    process.close();
  }
}
