package io.chainstore.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A ClickHouse server run as a child process with its own data directory and free ports, for the
 * local demo and for tests. Needs the {@code clickhouse-server} binary on the PATH.
 */
public final class LocalClickHouse implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path dataDir;
  private final Ports ports;
  private volatile Process process;

  private LocalClickHouse(Path dataDir, Ports ports, Process process) {
    this.dataDir = dataDir;
    this.ports = ports;
    this.process = process;
  }

  /** Starts a server under {@code dataDir} on free ports and waits until it answers. */
  public static LocalClickHouse start(Path dataDir) {
    for (int attempt = 1; ; attempt++) {
      try {
        return start(dataDir, Ports.free(), "", "");
      } catch (PortTakenException e) {
        // A port found free may be taken by another process before the server binds it.
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /**
   * Starts a server under {@code dataDir} on the given ports and waits until it answers. {@code
   * extraConfig} is added to its config.xml (say macros, remote_servers, zookeeper), {@code
   * extraProfile} to the settings of its users' profile; both XML elements, or empty.
   *
   * @throws PortTakenException when another process holds one of the ports: pick others and retry
   */
  public static LocalClickHouse start(
      Path dataDir, Ports ports, String extraConfig, String extraProfile) {
    try {
      Files.createDirectories(dataDir.resolve("tmp"));
      Files.createDirectories(dataDir.resolve("user_files"));
      Path config = dataDir.resolve("config.xml");
      Files.writeString(config, config(dataDir, ports, extraConfig));
      Files.writeString(dataDir.resolve("users.xml"), users(extraProfile));
      Process process =
          new ProcessBuilder(binary(), "--config-file=" + config)
              .redirectErrorStream(true)
              .redirectOutput(dataDir.resolve("stdout.log").toFile())
              .start();
      OrphanGuard.watch(process);
      LocalClickHouse server = new LocalClickHouse(dataDir, ports, process);
      try {
        server.awaitReady(Duration.ofSeconds(60));
      } catch (IllegalStateException e) {
        if (server.portWasTaken()) {
          throw new PortTakenException("a port of " + ports + " is taken", e);
        }
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start clickhouse-server", e);
    }
  }

  /** The ports a server listens on: HTTP, native TCP and the replicas' interserver HTTP. */
  public record Ports(int http, int tcp, int interserverHttp) {

    public static Ports free() {
      int[] ports = FreePorts.distinct(3);
      return new Ports(ports[0], ports[1], ports[2]);
    }
  }

  /** A port of the server was taken by another process before the server could bind it. */
  public static final class PortTakenException extends IllegalStateException {
    PortTakenException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private boolean portWasTaken() {
    close();
    for (String log : new String[] {"stdout.log", "error.log"}) {
      try {
        Path file = dataDir.resolve(log);
        if (Files.exists(file) && Files.readString(file).contains("Address already in use")) {
          Files.delete(file); // so the next attempt's log says only what happened then
          return true;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }

  /** Kills the server as {@code kill -9} would: no shutdown, data as the crash leaves it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  /** Starts the server again on its data and ports, after {@link #kill} or {@link #close}. */
  public void restart() {
    if (process.isAlive()) {
      throw new IllegalStateException("clickhouse-server is still running");
    }
    try {
      process =
          new ProcessBuilder(binary(), "--config-file=" + dataDir.resolve("config.xml"))
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(dataDir.resolve("stdout.log").toFile()))
              .start();
      OrphanGuard.watch(process);
    } catch (IOException e) {
      throw new UncheckedIOException("could not restart clickhouse-server", e);
    }
    awaitReady(Duration.ofSeconds(60));
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String url() {
    return "http://127.0.0.1:" + ports.http();
  }

  public int httpPort() {
    return ports.http();
  }

  public Ports ports() {
    return ports;
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "clickhouse-server exited with " + process.exitValue() + "; see " + dataDir);
      }
      // The ping must come from our own process: a port clash would otherwise go unnoticed.
      if (answersPing()) {
        return;
      }
      ChildJvm.pause(100);
    }
    close();
    throw new IllegalStateException("clickhouse-server did not answer within " + timeout);
  }

  private boolean answersPing() {
    HttpRequest ping =
        HttpRequest.newBuilder(URI.create(url() + "/ping")).timeout(Duration.ofSeconds(2)).build();
    try {
      return HTTP.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String binary() {
    String fromEnv = System.getenv("CLICKHOUSE_SERVER_BIN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "clickhouse-server"))) {
        return Path.of(dir, "clickhouse-server").toString();
      }
    }
    throw new IllegalStateException(
        "clickhouse-server is not installed: apt-get install -y clickhouse-server");
  }

  /**
   * One user, {@code default}, without a password and only from this host. Predicate pushdown is
   * on, as in current ClickHouse releases (18.16 has it off): the dashboards' filters on a business
   * day then reach the tables under their datasets' GROUP BY subqueries instead of being applied
   * after the whole history is read.
   */
  private static String users(String extraProfile) {
    return """
      <yandex>
        <profiles>
          <default>
            <max_memory_usage>10000000000</max_memory_usage>
            <enable_optimize_predicate_expression>1</enable_optimize_predicate_expression>
            %s
          </default>
        </profiles>
        <users>
          <default>
            <password></password>
            <networks>
              <ip>127.0.0.1</ip>
              <ip>::1</ip>
            </networks>
            <profile>default</profile>
            <quota>default</quota>
          </default>
        </users>
        <quotas>
          <default>
            <interval>
              <duration>3600</duration>
              <queries>0</queries>
              <errors>0</errors>
              <result_rows>0</result_rows>
              <read_rows>0</read_rows>
              <execution_time>0</execution_time>
            </interval>
          </default>
        </quotas>
      </yandex>
      """
        .formatted(extraProfile);
  }

  private static String config(Path dir, Ports ports, String extraConfig) {
    String base = dir.toAbsolutePath() + "/";
    return """
        <yandex>
          <logger>
            <level>warning</level>
            <log>%1$sserver.log</log>
            <errorlog>%1$serror.log</errorlog>
            <size>10M</size>
            <count>2</count>
          </logger>
          <listen_host>127.0.0.1</listen_host>
          <http_port>%2$d</http_port>
          <tcp_port>%3$d</tcp_port>
          <interserver_http_port>%4$d</interserver_http_port>
          <path>%1$s</path>
          <tmp_path>%1$stmp/</tmp_path>
          <user_files_path>%1$suser_files/</user_files_path>
          <format_schema_path>%1$sformat_schemas/</format_schema_path>
          <users_config>%1$susers.xml</users_config>
          <default_profile>default</default_profile>
          <default_database>default</default_database>
          <mark_cache_size>268435456</mark_cache_size>
          <max_concurrent_queries>50</max_concurrent_queries>
          %5$s
        </yandex>
        """
        .formatted(base, ports.http(), ports.tcp(), ports.interserverHttp(), extraConfig);
  }
}
