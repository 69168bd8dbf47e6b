package io.chainstore.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server for local runs and tests, set up for logical decoding. The data directory is
 * kept, so a restart finds its data, replication slot and publication again.
 */
public final class LocalPostgres implements AutoCloseable {

  public static final String DATABASE = "chainstore";
  public static final String USER = "postgres";
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

  private final EmbeddedPostgres server;
  private final Path dataDir;

  private LocalPostgres(EmbeddedPostgres server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  public static LocalPostgres start(Path dataDir) {
    return start(dataDir, FreePorts.one());
  }

  /**
   * Starts on a given port, e.g. the one a stopped server on {@code dataDir} had, so that clients
   * configured for it (a CDC connector) reconnect.
   */
  public static LocalPostgres start(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              // zonky waits 10 s; a busy 2-core machine (a build just ended) once needed more
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("wal_level", "logical")
              .setServerConfig("max_replication_slots", "8")
              .setServerConfig("max_wal_senders", "8")
              .setServerConfig("max_connections", "200")
              // zonky turns this off; logical decoding then waits ~130 ms per change.
              .setServerConfig("synchronous_commit", "on")
              .start();
      LocalPostgres postgres = new LocalPostgres(server, dataDir);
      postgres.process().ifPresent(OrphanGuard::watch);
      postgres.checkItIsOurs();
      postgres.createDatabase();
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start PostgreSQL in " + dataDir, e);
    }
  }

  public int port() {
    return server.getPort();
  }

  /** The server process (the postmaster), from its pid file; empty once it is gone. */
  public java.util.Optional<ProcessHandle> process() {
    try {
      Path pidFile = dataDir.resolve("postmaster.pid");
      if (!Files.exists(pidFile)) {
        return java.util.Optional.empty();
      }
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  public boolean isAlive() {
    return process().isPresent();
  }

  /**
   * Kills the server as {@code kill -9} would: the postmaster at once, its backends when they
   * notice; the data is left as the crash leaves it.
   */
  public void kill() {
    process()
        .ifPresent(
            p -> {
              p.destroyForcibly();
              p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
            });
  }

  /** Starts a server again on this one's data and port, after {@link #kill} or {@link #close}. */
  public LocalPostgres restart() {
    if (isAlive()) {
      throw new IllegalStateException("PostgreSQL in " + dataDir + " is still running");
    }
    try {
      server.close(); // releases the data directory's lock; stopping the dead server just fails
    } catch (IOException e) {
      // nothing left to stop
    }
    return start(dataDir, port());
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return "";
  }

  public Connection connect() throws SQLException {
    return server.getDatabase(USER, DATABASE).getConnection();
  }

  /**
   * Stops the server and waits until it is gone, so that it can be started again on the same data.
   * A fast shutdown waits for logical replication clients to confirm the last WAL; a CDC connector
   * does so with its next heartbeat, later than zonky waits (5 s). One that never confirms gets an
   * immediate shutdown after {@link #SHUTDOWN_GRACE}.
   */
  @Override
  public void close() {
    if (!isAlive()) {
      return; // killed: nothing to stop, and a stale pid file never goes away by itself
    }
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!awaitGone(pidFile, SHUTDOWN_GRACE)) {
      signalPostmaster(pidFile, "-QUIT");
      if (!awaitGone(pidFile, Duration.ofSeconds(10))) {
        throw new IllegalStateException("PostgreSQL in " + dataDir + " did not stop");
      }
    }
  }

  private static boolean awaitGone(Path pidFile, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (Files.exists(pidFile)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      ChildJvm.pause(100);
    }
    return true;
  }

  // The postmaster's pid is the first line of postmaster.pid; SIGQUIT is its immediate shutdown.
  private static void signalPostmaster(Path pidFile, String signal) {
    try {
      String pid = Files.readAllLines(pidFile).get(0).strip();
      new ProcessBuilder("kill", signal, pid).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      // gone meanwhile
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // zonky does not fail on a port clash; make sure the server we reach runs on our directory.
  private void checkItIsOurs() {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('data_directory')")) {
      rs.next();
      Path reached = Path.of(rs.getString(1)).toRealPath();
      if (!reached.equals(dataDir.toRealPath())) {
        throw new IllegalStateException(
            "port " + port() + " is served by another PostgreSQL (" + reached + ")");
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("could not verify the local PostgreSQL", e);
    }
  }

  private void createDatabase() {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
      if (!rs.next()) {
        s.execute("CREATE DATABASE " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + DATABASE, e);
    }
  }
}
