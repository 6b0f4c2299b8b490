package eu.clinnova.deployment.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * PostgreSQL with a synchronous standby and automatic failover, on one machine for development and
 * tests: Debian's PostgreSQL 15 managed by pg_auto_failover (a monitor and two data nodes, each a
 * {@code pg_autoctl} keeper with its server, all on loopback). The primary waits for the standby
 * before a commit returns ({@code synchronous_standby_names} is set by pg_auto_failover while the
 * standby is in sync, and {@code synchronous_commit} is on), so an acknowledged commit survives the
 * primary's loss; when the primary dies, the monitor promotes the standby within seconds. The
 * portal reaches whichever is primary through a multi-host JDBC URL ({@link #jdbcHosts()}).
 *
 * <p>The keepers run as the {@code postgres} user when this process is root (PostgreSQL refuses to
 * run as root); the settings that make failover take seconds rather than a minute are the monitor's
 * ({@link #FAST_FAILOVER}): they suit one machine, where a node that stops answering is dead, not
 * partitioned (README, "High availability").
 */
public final class ReplicatedDatabase implements AutoCloseable {

  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  /**
   * The monitor's health checks every second, a node unhealthy after 3 s, and a promoted standby
   * serving after 3 s more (the old primary's keeper, if it lived, would have demoted it by then).
   */
  static final Map<String, String> FAST_FAILOVER =
      Map.of(
          "pgautofailover.health_check_period", "1000",
          "pgautofailover.health_check_timeout", "1000",
          "pgautofailover.health_check_max_retries", "1",
          "pgautofailover.health_check_retry_delay", "500",
          "pgautofailover.node_considered_unhealthy_timeout", "3000",
          "pgautofailover.primary_demote_timeout", "3000");

  private final Path directory;
  private final int monitorPort;
  private final ChildProcess monitor;
  private final List<ChildProcess> keepers = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();

  private ReplicatedDatabase(Path directory, int monitorPort, ChildProcess monitor) {
    this.directory = directory;
    this.monitorPort = monitorPort;
    this.monitor = monitor;
  }

  /**
   * Starts a monitor on {@code basePort} and {@code nodes} data nodes on the ports after it, with
   * their data under {@code directory} (wiped first: this topology is for development and tests).
   */
  public static ReplicatedDatabase start(Path wanted, int basePort, int nodes, Path logs)
      throws IOException, SQLException {
    Path directory = reachable(wanted);
    if (!Files.isExecutable(BIN.resolve("postgres")) || !Files.isExecutable(Path.of(autoctl()))) {
      throw new IOException(
          "pg_auto_failover is missing: the cluster command installs postgresql-15-auto-failover"
              + " and pg-auto-failover-cli from Debian's packages");
    }
    FileTrees.delete(directory);
    Files.createDirectories(directory);
    Files.createDirectories(logs);
    ownedByPostgres(directory);
    ChildProcess monitor =
        keeper(
            "pg_auto_failover monitor",
            List.of(
                "create",
                "monitor",
                "--pgdata",
                directory.resolve("monitor").toString(),
                "--pgport",
                String.valueOf(basePort),
                "--hostname",
                "127.0.0.1",
                "--auth",
                "trust",
                "--no-ssl",
                "--run"),
            directory,
            logs.resolve("pg-monitor.log"));
    ReplicatedDatabase database = new ReplicatedDatabase(directory, basePort, monitor);
    try {
      monitor.awaitReady(database::monitorAnswers, Duration.ofMinutes(2));
      database.tuneMonitor();
      for (int i = 1; i <= nodes; i++) {
        database.addNode(i, basePort + i, logs);
      }
      return database;
    } catch (IOException | SQLException | RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * The first node is initialised here with the portal's server settings (two instances' pools need
   * more than 100 connections; a standby copies them with the data); pg_auto_failover takes an
   * existing data directory as it is. Each node is started once the one before it is settled, so
   * that the first is the primary.
   */
  private void addNode(int number, int port, Path logs) throws IOException, SQLException {
    Path data = directory.resolve("node" + number);
    if (number == 1) {
      run(
          List.of(
              BIN.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "--auth=trust",
              "-U",
              "postgres",
              "-E",
              "UTF8",
              "--locale=C.UTF-8"),
          logs.resolve("pg-initdb.log"));
      Files.writeString(
          data.resolve("postgresql.conf"),
          "\n# Clinnova (ReplicatedDatabase)\nmax_connections = 300\nsynchronous_commit = on\n"
              + "fsync = on\n",
          java.nio.file.StandardOpenOption.APPEND);
    }
    ChildProcess keeper =
        keeper(
            "pg_auto_failover node " + number,
            List.of(
                "create",
                "postgres",
                "--pgdata",
                data.toString(),
                "--pgport",
                String.valueOf(port),
                "--hostname",
                "127.0.0.1",
                "--name",
                "node" + number,
                "--auth",
                "trust",
                "--no-ssl",
                "--monitor",
                monitorUrl(),
                "--run"),
            directory,
            logs.resolve("pg-node" + number + ".log"));
    keepers.add(keeper);
    ports.add(port);
    keeper.awaitReady(() -> settled(number), Duration.ofMinutes(3));
  }

  /** Nodes 1..n report the state the monitor assigned them, and one of them is the primary. */
  private boolean settled(int nodes) {
    try (Connection connection = monitorConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FILTER (WHERE reportedstate = goalstate"
                    + " AND reportedstate IN ('single', 'primary', 'secondary')),"
                    + " count(*) FILTER (WHERE reportedstate IN ('single', 'primary'))"
                    + " FROM pgautofailover.node")) {
      rows.next();
      return rows.getInt(1) == nodes && rows.getInt(2) == 1;
    } catch (SQLException e) {
      return false;
    }
  }

  private boolean monitorAnswers() {
    try (Connection connection = monitorConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private void tuneMonitor() throws SQLException {
    try (Connection connection = monitorConnection();
        Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> setting : FAST_FAILOVER.entrySet()) {
        statement.execute("ALTER SYSTEM SET " + setting.getKey() + " = " + setting.getValue());
      }
      statement.execute("SELECT pg_reload_conf()");
    }
  }

  private Connection monitorConnection() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + monitorPort + "/pg_auto_failover?connectTimeout=2",
        "postgres",
        "");
  }

  private String monitorUrl() {
    return "postgres://autoctl_node@127.0.0.1:" + monitorPort + "/pg_auto_failover?sslmode=disable";
  }

  /** "127.0.0.1:16001,127.0.0.1:16002": the data nodes, for a multi-host JDBC URL. */
  public String jdbcHosts() {
    return ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
  }

  /** A superuser's connection to {@code database} on whichever node is primary now. */
  public Connection primary(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://"
            + jdbcHosts()
            + "/"
            + database
            + "?targetServerType=primary&connectTimeout=2",
        "postgres",
        "");
  }

  /** The port of the node that is primary now, as the monitor sees it. */
  public Optional<Integer> primaryPort() {
    try (Connection connection = monitorConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT nodeport FROM pgautofailover.node"
                    + " WHERE reportedstate IN ('single', 'primary', 'wait_primary')"
                    + " AND goalstate IN ('single', 'primary', 'wait_primary')")) {
      return rows.next() ? Optional.of(rows.getInt(1)) : Optional.empty();
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** Creates the portal's roles and database on the primary (the standby replicates them). */
  public void ensurePortalDatabase(DatabaseSettings settings) throws SQLException {
    try (Connection connection = primary("postgres")) {
      LocalDatabase.ensurePortalDatabase(connection, settings);
    }
  }

  /**
   * Kills the node on {@code port}, its keeper and its server, without letting them stop: the loss
   * of that machine.
   */
  public void kill(int port) {
    keepers.get(ports.indexOf(port)).kill();
  }

  private static ChildProcess keeper(String name, List<String> arguments, Path directory, Path log)
      throws IOException {
    List<String> command = new ArrayList<>(asPostgres());
    command.add(autoctl());
    command.addAll(arguments);
    return ChildProcess.start(name, command, directory, environment(directory), log);
  }

  private static void run(List<String> command, Path log) throws IOException {
    List<String> asUser = new ArrayList<>(asPostgres());
    asUser.addAll(command);
    Process process =
        new ProcessBuilder(asUser).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " failed: see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * pg_autoctl keeps its configuration and state under XDG folders: the cluster's own, so that
   * nothing of a developer's home is touched.
   */
  private static Map<String, String> environment(Path directory) {
    return Map.of(
        "PATH", BIN + ":" + System.getenv("PATH"),
        "XDG_CONFIG_HOME", directory.resolve("config").toString(),
        "XDG_DATA_HOME", directory.resolve("data").toString(),
        "PG_CONFIG", BIN.resolve("pg_config").toString());
  }

  private static List<String> asPostgres() {
    return isRoot()
        ? List.of(
            "runuser", "-u", "postgres", "--", "env", "PATH=" + BIN + ":" + System.getenv("PATH"))
        : List.of();
  }

  private static void ownedByPostgres(Path directory) throws IOException {
    if (isRoot()) {
      Files.setOwner(
          directory,
          directory
              .getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByName("postgres"));
    }
  }

  /**
   * Where the servers keep their data: {@code wanted}, or, when this process is root, a folder of
   * the {@code postgres} user's under the temporary folder, since the servers run as that user and
   * {@code wanted} may lie below folders only root may enter (a clone in {@code mktemp -d}, mode
   * 700). The data is for development and tests: a new folder each start.
   */
  private static Path reachable(Path wanted) throws IOException {
    if (!isRoot()) {
      return wanted;
    }
    Path temporary = Path.of(System.getProperty("java.io.tmpdir", "/tmp"));
    String name = "clinnova-pg-" + Integer.toHexString(wanted.toAbsolutePath().hashCode());
    Path directory = temporary.resolve(name);
    FileTrees.delete(directory);
    return directory;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static String autoctl() {
    return Stream.of("/usr/bin/pg_autoctl", BIN.resolve("pg_autoctl").toString())
        .filter(path -> Files.isExecutable(Path.of(path)))
        .findFirst()
        .orElse("/usr/bin/pg_autoctl");
  }

  @Override
  public void close() {
    for (ChildProcess keeper : keepers) {
      keeper.close();
    }
    monitor.close();
  }

  /** Waits until a node is primary and answers writes; the seconds it took. */
  public double awaitPrimary(Duration timeout) throws SQLException {
    Instant start = Instant.now();
    Instant deadline = start.plus(timeout);
    SQLException last = null;
    while (Instant.now().isBefore(deadline)) {
      try (Connection connection = primary("postgres");
          Statement statement = connection.createStatement()) {
        statement.execute("SELECT txid_current()");
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new SQLException("No primary after " + timeout.toSeconds() + " s", last);
  }
}
