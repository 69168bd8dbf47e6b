package io.chainstore.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java main class run in its own process, logging to files in its directory ({@code stdout.log},
 * and {@code server.log} when log4j is on its classpath). Started again on the same command after a
 * kill, so a restart finds its data and ports.
 */
final class ChildJvm {

  /**
   * Small servers for a small machine that runs many of them: a heap of at most 384 MB, the serial
   * collector and the quick compiler only (less CPU spent compiling while several JVMs start).
   */
  static final List<String> SERVER_OPTIONS =
      List.of(
          "-Xms64m",
          "-Xmx384m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Djava.awt.headless=true");

  private final String name;
  private final Path dir;
  private final List<String> command;
  private volatile Process process;

  ChildJvm(
      String name, Path dir, String classpath, List<String> jvmOptions, List<String> mainArgs) {
    this.name = name;
    this.dir = dir;
    try {
      Files.createDirectories(dir);
      // An argument file keeps the long classpath out of the command line that ps shows.
      Path argFile = dir.resolve("jvm.args");
      Files.writeString(argFile, "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n");
      Path log4j = dir.resolve("log4j2.properties");
      Files.writeString(log4j, log4jConfig(dir.resolve("server.log")));
      command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("@" + argFile.toAbsolutePath());
      command.addAll(jvmOptions);
      command.add("-Dlog4j2.configurationFile=" + log4j.toAbsolutePath());
      command.addAll(mainArgs);
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare " + name + " in " + dir, e);
    }
    // A test JVM that ends without closing its servers still takes its children with it.
    Runtime.getRuntime().addShutdownHook(new Thread(this::kill, name + "-reaper"));
  }

  void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    try {
      process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
              .start();
      OrphanGuard.watch(process);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Fails when the process is gone, pointing at its logs. */
  void checkAlive() {
    if (!isAlive()) {
      throw new IllegalStateException(
          name
              + " exited"
              + (process == null ? "" : " with " + process.exitValue())
              + "; see "
              + dir);
    }
  }

  /** As {@code kill -9}: no shutdown hooks, no flush, data as the crash leaves it. */
  void kill() {
    Process p = process;
    if (p != null && p.isAlive()) {
      try {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Asks the process to stop ({@code SIGTERM}); forces it after {@code grace}. */
  void requestStop() {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroy();
    }
  }

  void awaitStopOrKill(Duration grace) {
    Process p = process;
    if (p == null) {
      return;
    }
    try {
      if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
    }
  }

  Path dir() {
    return dir;
  }

  private static String log4jConfig(Path logFile) {
    return """
        status = warn
        appender.file.type = File
        appender.file.name = file
        appender.file.fileName = %s
        appender.file.layout.type = PatternLayout
        appender.file.layout.pattern = %%d{HH:mm:ss.SSS} %%-5level [%%t] %%c{1} - %%msg%%n
        rootLogger.level = info
        rootLogger.appenderRef.file.ref = file
        logger.stateChange.name = state.change.logger
        logger.stateChange.level = warn
        """
        .formatted(logFile.toAbsolutePath().toString().replace('\\', '/'));
  }

  /** Writes the properties file a server reads, creating its directory. */
  static void writeProperties(Path file, java.util.Properties props, String comment) {
    try {
      java.nio.file.Files.createDirectories(file.getParent());
      try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(file)) {
        props.store(out, comment);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Waits between two looks at a server that is starting or stopping. */
  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
