package io.chainstore.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone ZooKeeper server as a child JVM, on a free port with its data under a directory of
 * the caller's choosing: the coordination a replicated ClickHouse needs. A process of its own, so
 * that it can be killed and restarted like a real one, and its classes never meet the caller's. The
 * child runs on the calling JVM's classpath, which holds ZooKeeper through this module.
 */
public final class LocalZooKeeper implements AutoCloseable {

  private final Path dir;
  private final int port;
  private volatile Process process;

  private LocalZooKeeper(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts a server under {@code dir} and waits until it answers. */
  public static LocalZooKeeper start(Path dir) {
    for (int attempt = 1; ; attempt++) {
      LocalZooKeeper server = new LocalZooKeeper(dir, FreePorts.one());
      try {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("zoo.cfg"), server.config());
        server.launch(false);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException("could not start ZooKeeper", e);
      } catch (IllegalStateException e) {
        // A port found free may be taken by another process before the server binds it.
        if (attempt == 3 || !server.portTaken()) {
          throw e;
        }
      }
    }
  }

  /** host:port, as ClickHouse's {@code <zookeeper>} section and ZooKeeper clients take it. */
  public String connectString() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public Path dir() {
    return dir;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the server as {@code kill -9} would: sessions are left to expire, data as written. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  /** Starts the server again on its data and port, after {@link #kill} or {@link #close}. */
  public void restart() {
    if (process.isAlive()) {
      throw new IllegalStateException("ZooKeeper is still running");
    }
    try {
      launch(true);
    } catch (IOException e) {
      throw new UncheckedIOException("could not restart ZooKeeper", e);
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
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

  private void launch(boolean appendLog) throws IOException {
    String java = ProcessHandle.current().info().command().orElse(javaFromHome());
    // A small heap and the serial collector: a test's ZooKeeper holds a few thousand nodes.
    List<String> command =
        List.of(
            java,
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            "org.apache.zookeeper.server.ZooKeeperServerMain",
            dir.resolve("zoo.cfg").toString());
    Path log = dir.resolve("zookeeper.log");
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                appendLog
                    ? ProcessBuilder.Redirect.appendTo(log.toFile())
                    : ProcessBuilder.Redirect.to(log.toFile()))
            .start();
    OrphanGuard.watch(process);
    awaitReady(Duration.ofSeconds(60));
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "ZooKeeper exited with "
                + process.exitValue()
                + "; see "
                + dir.resolve("zookeeper.log"));
      }
      // Serving, not just listening: "srvr" is answered once the database is loaded.
      if (status().contains("Mode: standalone")) {
        return;
      }
      ChildJvm.pause(100);
    }
    close();
    throw new IllegalStateException("ZooKeeper did not answer within " + timeout);
  }

  /** The server's answer to the four-letter word {@code srvr}, empty if it does not answer. */
  public String status() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write("srvr".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return "";
    }
  }

  /** True when another process holds the port (the server's log may be silent about it). */
  private boolean portTaken() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private String config() {
    // A short tick allows short sessions (2 to 20 ticks), so that ClickHouse notices a killed
    // replica within seconds. The admin web server is off (it would need a port of its own);
    // "srvr" is allowed because readiness is checked with it.
    return """
        tickTime=500
        initLimit=10
        syncLimit=5
        dataDir=%s
        clientPort=%d
        clientPortAddress=127.0.0.1
        maxClientCnxns=0
        admin.enableServer=false
        4lw.commands.whitelist=srvr,ruok
        """
        .formatted(dir.resolve("data").toAbsolutePath(), port);
  }

  private static String javaFromHome() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
