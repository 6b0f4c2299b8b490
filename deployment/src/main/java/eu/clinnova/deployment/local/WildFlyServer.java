package eu.clinnova.deployment.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The portal's application server for the run command: a copy of the server the build provisioned
 * (so that the one the system tests use is never touched), with the WAR in its deployment folder.
 */
public final class WildFlyServer implements AutoCloseable {

  private final ChildProcess process;

  private WildFlyServer(ChildProcess process) {
    this.process = process;
  }

  public static WildFlyServer start(
      Path provisioned, Path home, Path war, Map<String, String> environment, Path log)
      throws IOException {
    return start(provisioned, home, war, environment, List.of(), log);
  }

  /**
   * As above, with {@code arguments} for {@code standalone.sh} (such as a port offset); a null
   * value in {@code environment} removes that variable from what the server inherits.
   */
  public static WildFlyServer start(
      Path provisioned,
      Path home,
      Path war,
      Map<String, String> environment,
      List<String> arguments,
      Path log)
      throws IOException {
    if (!Files.exists(provisioned.resolve("jboss-modules.jar"))) {
      throw new IOException("No provisioned server at " + provisioned + ": run the build first");
    }
    FileTrees.delete(home);
    FileTrees.copy(provisioned, home);
    Path deployments = home.resolve("standalone/deployments");
    Files.createDirectories(deployments);
    Files.copy(war, deployments.resolve("portal.war"));
    ChildProcess process =
        ChildProcess.start(
            "WildFly",
            Stream.concat(
                    Stream.of(
                        "bash", home.resolve("bin/standalone.sh").toString(), "-b", "127.0.0.1"),
                    arguments.stream())
                .toList(),
            home,
            environment,
            log);
    Path deployed = deployments.resolve("portal.war.deployed");
    Path failed = deployments.resolve("portal.war.failed");
    try {
      process.awaitReady(
          () -> {
            if (Files.exists(failed)) {
              throw new IllegalStateException("The portal failed to deploy:\n" + process.tail());
            }
            return Files.exists(deployed);
          },
          Duration.ofMinutes(4));
    } catch (RuntimeException | IOException e) {
      // Not yet handed to the caller: stop it here, or a failed start leaves a server running
      // that the next start would deploy into.
      process.close();
      throw e;
    }
    return new WildFlyServer(process);
  }

  /** Kills the server at once (SIGKILL to it and its JVM): an instance's crash. */
  public void kill() {
    process.kill();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.close();
  }
}
